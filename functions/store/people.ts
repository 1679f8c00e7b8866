import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#domain/kernel/audit.ts';
import type { IdempotencyRecord } from '#domain/kernel/idempotency.ts';
import { fold } from '#domain/kernel/names.ts';
import {
  type Enrolment,
  type ImportRowWrite,
  MATCHING_PROFILE,
  type MatchingProfile,
  type MentorCardRead,
  type ParticipantFilter,
  type PeopleFilter,
  type PeopleStore,
  type Person,
  personCopy,
} from '#domain/people/people.ts';
import { auditPut } from './audit.ts';
import { batchGet, batchPut, eachInParallel } from './batch.ts';
import type { StoreClient } from './client.ts';
import { peopleCountUpdate } from './counts.ts';
import { discoveryIndexStore, enrolmentIndexed, type IndexChange, indexWrites, profileIndexed, termsIndexed } from './discovery.ts';
import { pendingNote } from './employmentPack.ts';
import { idempotencyPut, idempotencyRef } from './idempotency.ts';
import { employmentItem } from './insights.ts';
import { cancellationCodes, fromItem, nameOf, setFields, translate } from './items.ts';
import { type Key, keys } from './keys.ts';
import { allPages, type PageQuery, queryAll, queryEvery, queryPage } from './query.ts';
import { searchChanges, searchItems, searchPage } from './search.ts';

const counterFor = (role: Enrolment['role']): 'mentors' | 'mentees' => (role === 'MENTOR' ? 'mentors' : 'mentees');

/** What lists filter on, folded the same way the filters are (people.ts `cleanFilter`). */
const personFilterAttributes = (p: Person) => ({
  searchText: fold([p.displayName, p.email, p.externalId ?? ''].join(' ')),
  departmentKey: p.department ? fold(p.department) : null,
  skillKeys: [...new Set([...p.skillsOffered, ...p.skillsSought].map(fold))],
});

export const personItem = (p: Person) => ({
  ...keys.person(p.tenantId, p.id),
  ...keys.personIndex(p.tenantId, p.sortKey, p.createdAt, p.id),
  type: 'Person',
  ...p,
  ...personFilterAttributes(p),
});

/**
 * A mentor's card (ADR 0057): the profile discovery ranks and shows, copied onto their MENTOR
 * enrolment so one Query over a program's mentors reads everything, with no read of each profile.
 * Refreshed by every write of the person (`replacePerson`); removed by erasure (store/privacy.ts).
 * Not part of the domain's Enrolment (`fromItem` leaves it out): only `mentorCards` reads it.
 */
type MentorCard = Omit<Person, 'tenantId' | 'id' | 'externalId' | 'email' | 'sortKey'>;
const mentorCard = ({ tenantId, id, externalId, email, sortKey, ...card }: Person): MentorCard => card;
const cardFor = (role: Enrolment['role'], person: Person | null) => (role === 'MENTOR' && person ? { card: mentorCard(person) } : {});

/** The person behind a card: the private fields the card leaves out are the enrolment's copies or empty. */
const personOfCard = (e: Enrolment, card: MentorCard): Person => ({
  ...card,
  id: e.personId,
  tenantId: e.tenantId,
  externalId: null,
  email: e.email,
  sortKey: e.sortKey,
});

/** The attributes `mentorCards` reads (the GSI1 keys too: they are where the next 1 MB page starts). */
const CARD_READ = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'card',
  ...([
    'tenantId',
    'programId',
    'personId',
    'role',
    'status',
    'reasons',
    'capacity',
    'hoursPerMonth',
    'awayUntil',
    'acceptsRequests',
    'openToSponsoring',
    'activeMentorships',
    'displayName',
    'email',
    'department',
    'sortKey',
    'version',
  ] satisfies (keyof Enrolment)[]),
];

const cardRead = (item: Record<string, unknown>): MentorCardRead => {
  const enrolment = fromItem<Enrolment>(item);
  return { enrolment, person: item.card ? personOfCard(enrolment, item.card as MentorCard) : null };
};

export const enrolmentItem = (e: Enrolment, person: Person | null = null) => ({
  ...keys.enrolment(e.tenantId, e.personId, e.programId, e.role),
  ...keys.enrolmentIndex(e.tenantId, e.programId, e.role, e.sortKey, e.enrolledAt, e.personId),
  type: 'Enrolment',
  ...e,
  ...cardFor(e.role, person),
  departmentKey: e.department ? fold(e.department) : null,
  searchText: fold(`${e.displayName} ${e.email}`),
});

/** The filters besides search, applied to what the search index found (folded as the filters are). */
const personMatches = (p: Person, filter: PeopleFilter): boolean => {
  const attrs = personFilterAttributes(p);
  return (!filter.department || attrs.departmentKey === filter.department) && (!filter.skill || attrs.skillKeys.includes(filter.skill));
};
const enrolmentMatches = (e: Enrolment, filter: ParticipantFilter): boolean =>
  (!filter.status || e.status === filter.status) &&
  (!filter.department || (e.department ? fold(e.department) : null) === filter.department) &&
  (!filter.skill || e.skills.map(fold).includes(filter.skill));

/** A FilterExpression for the filters given; `undefined` when there are none. */
function filterFor(filter: PeopleFilter & { status?: string | null }, skillAttribute: string): PageQuery['filter'] {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.search) {
    parts.push('contains(#fsearch, :fsearch)');
    names['#fsearch'] = 'searchText';
    values[':fsearch'] = filter.search;
  }
  if (filter.department) {
    parts.push('#fdept = :fdept');
    names['#fdept'] = 'departmentKey';
    values[':fdept'] = filter.department;
  }
  if (filter.skill) {
    parts.push('contains(#fskill, :fskill)');
    names['#fskill'] = skillAttribute;
    values[':fskill'] = filter.skill;
  }
  if (filter.status) {
    parts.push('#fstatus = :fstatus');
    names['#fstatus'] = 'status';
    values[':fstatus'] = filter.status;
  }
  return parts.length ? { expression: parts.join(' AND '), names, values } : undefined;
}

/** A person's idempotency record, and the reference in their partition that lets erasure find it (its key may hold personal data). */
const idempotencyPuts = (table: string, record: IdempotencyRecord, personId: string) => [
  idempotencyPut(table, record),
  idempotencyRef(table, record, personId),
];

/** The items of a new person: their e-mail and employee-id claims and their record (their search tokens are `searchItems`). */
export function newPersonItems(person: Person): Record<string, unknown>[] {
  const claim = (key: Key, type: string) => ({ ...key, type, personId: person.id });
  return [
    claim(keys.personEmail(person.tenantId, person.email), 'EmailClaim'),
    ...(person.externalId ? [claim(keys.personExternalId(person.tenantId, person.externalId), 'ExternalIdClaim')] : []),
    personItem(person),
  ];
}

/** The claims and the record of a new person, each only where nothing is yet (CONFLICT otherwise). */
const personCreation = (table: string, person: Person): object[] =>
  newPersonItems(person).map((Item) => ({ Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(PK)' } }));

/** The fields an enrolment copies from its person (and the keys and filters built from them). */
const copiedFields = (fresh: ReturnType<typeof enrolmentItem>) => ({
  sortKey: fresh.sortKey,
  displayName: fresh.displayName,
  email: fresh.email,
  department: fresh.department,
  skills: fresh.skills,
  departmentKey: fresh.departmentKey,
  searchText: fresh.searchText,
  GSI1SK: fresh.GSI1SK,
});

/**
 * A person's new record at the previous version, their claims moved when the e-mail or employee id
 * changes, the copies on their enrolments refreshed and their search tokens replaced.
 */
function personReplacement(table: string, next: Person, previous: Person, enrolments: Enrolment[]) {
  const t = next.tenantId;
  const moves: object[] = [];
  const moveClaim = (oldKey: { PK: string; SK: string } | null, newKey: { PK: string; SK: string } | null, type: string) => {
    if (oldKey && newKey && oldKey.PK === newKey.PK) return;
    if (oldKey)
      moves.push({
        Delete: { TableName: table, Key: oldKey, ConditionExpression: 'personId = :id', ExpressionAttributeValues: { ':id': next.id } },
      });
    if (newKey)
      moves.push({
        Put: { TableName: table, Item: { ...newKey, type, personId: next.id }, ConditionExpression: 'attribute_not_exists(PK)' },
      });
  };
  moveClaim(keys.personEmail(t, previous.email), keys.personEmail(t, next.email), 'EmailClaim');
  moveClaim(
    previous.externalId ? keys.personExternalId(t, previous.externalId) : null,
    next.externalId ? keys.personExternalId(t, next.externalId) : null,
    'ExternalIdClaim',
  );
  // Only the copied fields: the enrolment's own fields and counters are not this write's to touch.
  const copies = enrolments.map((e) =>
    setFields(
      table,
      keys.enrolment(t, e.personId, e.programId, e.role),
      // A mentor's card (discovery, ADR 0057) follows the person in the same write.
      { ...copiedFields(enrolmentItem({ ...e, ...personCopy(next, e.role) })), ...cardFor(e.role, next) },
    ),
  );
  const items: object[] = [
    {
      Put: {
        TableName: table,
        Item: personItem(next),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': previous.version },
      },
    },
    ...moves,
    ...copies,
    ...searchChanges(table, next, previous),
  ];
  // The discovery index (ADR 0072) follows the profile under the same version condition: its writes are the caller's to merge.
  return { items, movesClaims: moves.length > 0, index: profileIndexed(next, enrolments) };
}

/** Adds enrolment references to the person's list (which erasure and `enrolmentsOfMany` read). */
const enrolmentRefsAppend = (table: string, tenantId: string, personId: string, refs: string[]) => ({
  Update: {
    TableName: table,
    Key: keys.enrolmentRefs(tenantId, personId),
    UpdateExpression: 'SET #type = :type, personId = :person, refs = list_append(if_not_exists(refs, :empty), :ref)',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':type': 'EnrolmentRefs', ':person': personId, ':empty': [], ':ref': refs },
  },
});

/** The items of one import row's transaction (see ImportRowWrite), and what a failed condition in them means. */
function importRowItems(table: string, write: ImportRowWrite) {
  const items: object[] = [];
  const index: IndexChange[] = [];
  let movesClaims = false;
  const rewritten = new Set(write.reenrolled.map(({ next }) => next.programId + next.role));
  if (write.created) items.push(...personCreation(table, write.created));
  if (write.replaced) {
    const { next, previous, enrolments } = write.replaced;
    const replacement = personReplacement(
      table,
      next,
      previous,
      enrolments.filter((e) => !rewritten.has(e.programId + e.role)),
    );
    items.push(...replacement.items);
    index.push(...replacement.index);
    movesClaims = replacement.movesClaims;
  }
  const person = write.created ?? write.replaced?.next ?? null;
  const [first] = [...write.enrolments, ...write.reenrolled.map((r) => r.next)];
  const personId = person?.id ?? first?.personId ?? write.employment?.personId;
  const tenantId = person?.tenantId ?? first?.tenantId ?? write.employment?.tenantId;
  for (const enrolment of write.enrolments) {
    items.push({ Put: { TableName: table, Item: enrolmentItem(enrolment, person), ConditionExpression: 'attribute_not_exists(PK)' } });
    index.push(...enrolmentIndexed(enrolment, person));
  }
  if (write.enrolments.length > 0 && tenantId && personId)
    items.push(
      enrolmentRefsAppend(
        table,
        tenantId,
        personId,
        write.enrolments.map((e) => keys.enrolmentRef(e.programId, e.role)),
      ),
    );
  for (const { next, previous } of write.reenrolled) {
    // Its terms under the enrolment's version; its profile when this row writes the person (else the index has it already).
    index.push(...termsIndexed(next), ...(person ? profileIndexed(person, [next]) : []));
    items.push(
      setFields(
        table,
        keys.enrolment(next.tenantId, next.personId, next.programId, next.role),
        {
          ...copiedFields(enrolmentItem(next)),
          reasons: next.reasons,
          capacity: next.capacity,
          hoursPerMonth: next.hoursPerMonth,
          openToSponsoring: next.openToSponsoring,
          updatedAt: next.updatedAt,
          version: next.version,
        },
        { expression: 'version = :v', values: { ':v': previous.version } },
      ),
    );
  }
  items.push(...indexWrites(table, index));
  if (write.employment) items.push({ Put: { TableName: table, Item: employmentItem(write.employment) } });
  // Written for someone who exists: an erasure may have raced the row (a new person is in this transaction).
  if (!person && tenantId && personId)
    items.push({ ConditionCheck: { TableName: table, Key: keys.person(tenantId, personId), ConditionExpression: 'attribute_exists(PK)' } });
  items.push(...write.audits.map((audit) => auditPut(table, audit)));
  const conflict = {
    key: write.created || movesClaims ? ('conflict.exists' as const) : ('conflict.version' as const),
    params: { type: 'Person', field: write.created?.externalId ? 'email or employee id' : 'email' },
  };
  return { items, conflict };
}

/** DynamoDB's limit on the items of one transaction. */
const TRANSACTION_ITEMS = 100;

/** The key an item of a transaction writes or checks. */
const keyOfItem = (item: object): string => {
  const op = Object.values(item)[0] as { Item?: Key; Key?: Key };
  const key = op.Item ?? op.Key;
  return `${key?.PK}\u0000${key?.SK}`;
};

/**
 * Rows packed into transactions of up to {@link TRANSACTION_ITEMS} items, each row whole in one, no
 * item twice in one: a transaction per row would cost a round trip (and DynamoDB Local a lock) each.
 */
function packed(rows: { items: object[] }[]): number[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  let seen = new Set<string>();
  rows.forEach((row, i) => {
    const rowKeys = row.items.map(keyOfItem);
    // One place kept for the group's note to the HR records' compact copy (ADR 0078).
    if (group.length > 0 && (seen.size + rowKeys.length > TRANSACTION_ITEMS - 1 || rowKeys.some((k) => seen.has(k)))) {
      groups.push(group);
      group = [];
      seen = new Set();
    }
    group.push(i);
    for (const k of rowKeys) seen.add(k);
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

export function peopleStore(client: StoreClient): PeopleStore {
  const { doc, table } = client;
  const index = discoveryIndexStore(client);
  const store: PeopleStore = {
    discoveryIndex: index.discoveryIndex,
    rebuildDiscoveryIndex: index.rebuildDiscoveryIndex,

    async getPerson(tenantId, id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.person(tenantId, id) }));
      return Item ? fromItem<Person>(Item) : null;
    },

    async getPeople(tenantId, ids) {
      const items = await batchGet(
        client,
        ids.map((id) => keys.person(tenantId, id)),
      );
      return new Map(items.map((i) => [String(i.id), fromItem<Person>(i)]));
    },

    async matchingProfiles(tenantId, ids) {
      const items = await batchGet(
        client,
        ids.map((id) => keys.person(tenantId, id)),
        { attributes: MATCHING_PROFILE },
      );
      return new Map(items.map((i) => [String(i.id), fromItem<MatchingProfile>(i)]));
    },

    async findPerson(tenantId, by) {
      const claimKey = by.email
        ? keys.personEmail(tenantId, by.email)
        : by.externalId
          ? keys.personExternalId(tenantId, by.externalId)
          : null;
      if (!claimKey) return null;
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: claimKey }));
      return Item ? store.getPerson(tenantId, String(Item.personId)) : null;
    },

    async findPeople(tenantId, by) {
      const claims = await batchGet(client, [
        ...by.emails.map((email) => keys.personEmail(tenantId, email)),
        ...by.externalIds.map((id) => keys.personExternalId(tenantId, id)),
      ]);
      const people = await store.getPeople(
        tenantId,
        claims.map((c) => String(c.personId)),
      );
      const byEmail = new Map<string, Person>();
      const byExternalId = new Map<string, Person>();
      for (const claim of claims) {
        const person = people.get(String(claim.personId));
        if (!person) continue;
        if (claim.type === 'EmailClaim') byEmail.set(person.email, person);
        else if (person.externalId) byExternalId.set(person.externalId, person);
      }
      return { byEmail, byExternalId };
    },

    async enrolmentsIn(tenantId, programId, personIds) {
      const items = await batchGet(
        client,
        personIds.flatMap((id) => (['MENTOR', 'MENTEE'] as const).map((role) => keys.enrolment(tenantId, id, programId, role))),
      );
      const out = new Map<string, Enrolment[]>(personIds.map((id) => [id, []]));
      for (const item of items) out.get(String(item.personId))?.push(fromItem<Enrolment>(item));
      return out;
    },

    async createPerson(person, audit: AuditEntry, idempotency?: IdempotencyRecord | null) {
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              ...personCreation(table, person),
              ...searchChanges(table, person, null),
              peopleCountUpdate(table, person.tenantId, 1),
              auditPut(table, audit),
              ...(idempotency ? idempotencyPuts(table, idempotency, person.id) : []),
            ],
          }),
        )
        .catch((e) =>
          translate(e, { key: 'conflict.exists', params: { type: 'Person', field: person.externalId ? 'email or employee id' : 'email' } }),
        );
    },

    async replacePerson(next, previous, enrolments, audit) {
      const { items, movesClaims, index } = personReplacement(table, next, previous, enrolments);
      await doc
        .send(new TransactWriteCommand({ TransactItems: [...items, ...indexWrites(table, index), auditPut(table, audit)] as never }))
        .catch((e) =>
          translate(e, {
            key: movesClaims ? 'conflict.exists' : 'conflict.version',
            params: { type: 'Person', field: 'email or employee id' },
          }),
        );
    },

    async writeImportRows(writes) {
      const rows = writes.map((write) => importRowItems(table, write));
      const failures: unknown[] = writes.map(() => null);
      // The rows' items, and a note naming the HR records among them for the compact copy (ADR 0078),
      // in the same transaction; the import folds the notes when it is done.
      const transaction = (group: number[]) => {
        const records = group.flatMap((i) => writes[i]?.employment ?? []);
        const items = group.flatMap((i) => rows[i]?.items ?? []);
        const [first] = records;
        if (!first) return items;
        return [
          ...items,
          pendingNote(
            table,
            first.tenantId,
            records.map((r) => r.personId),
          ).put,
        ];
      };
      const alone = async (i: number) => {
        const row = rows[i] as (typeof rows)[number];
        try {
          await doc.send(new TransactWriteCommand({ TransactItems: transaction([i]) as never }));
        } catch (e) {
          try {
            translate(e, row.conflict);
          } catch (failure) {
            failures[i] = failure;
          }
        }
      };
      await eachInParallel(packed(rows), async (group) => {
        if (group.length === 1) return alone(group[0] as number);
        try {
          await doc.send(new TransactWriteCommand({ TransactItems: transaction(group) as never }));
        } catch (e) {
          // One row's condition (an e-mail taken meanwhile, a version moved) cancels the group: each row again on its own.
          if (!['TransactionCanceledException', 'ValidationException'].includes(nameOf(e))) throw e;
          for (const i of group) await alone(i);
        }
      });
      return failures;
    },

    async indexPeople(people, audits) {
      // Fixed keys, no condition: written again over themselves when a resumed chunk repeats them.
      await batchPut(client, [...people.flatMap((p) => searchItems(p)), ...audits.map((audit) => auditPut(table, audit).Put.Item)]);
    },

    listPeople(tenantId, filter, sort, req) {
      if (filter.search) {
        // Search goes through the token index, in match order; the other filters apply to what it finds.
        return searchPage(client, tenantId, filter.search, req, async (ids) => {
          const people = await store.getPeople(tenantId, ids);
          return new Map([...people].filter(([, p]) => personMatches(p, filter)).map(([id, p]) => [id, [p]]));
        });
      }
      const partition = keys.tenantPeople(tenantId).indexPK;
      const index = sort === 'NAME' ? 'GSI1' : 'GSI2';
      return queryPage<Person>(
        client,
        {
          index,
          partition: { attribute: `${index}PK`, value: partition },
          forward: sort === 'NAME',
          filter: filterFor(filter, 'skillKeys'),
        },
        req,
      );
    },

    async getEnrolment(tenantId, personId, programId, role) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.enrolment(tenantId, personId, programId, role) }));
      return Item ? fromItem<Enrolment>(Item) : null;
    },

    async createEnrolment(enrolment, person, audit, idempotency) {
      const { tenantId, programId, personId } = enrolment;
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: table, Item: enrolmentItem(enrolment, person), ConditionExpression: 'attribute_not_exists(PK)' } },
              {
                Update: {
                  TableName: table,
                  Key: keys.programStats(tenantId, programId),
                  UpdateExpression: 'ADD #n :one',
                  ConditionExpression: 'attribute_exists(PK)',
                  ExpressionAttributeNames: { '#n': counterFor(enrolment.role) },
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
              // The person must still exist (an erasure may have raced this enrolment), as read: the card and the
              // discovery index's profile (ADR 0072) are this version's.
              {
                ConditionCheck: {
                  TableName: table,
                  Key: keys.person(tenantId, personId),
                  ConditionExpression: 'attribute_exists(PK) AND version = :v',
                  ExpressionAttributeValues: { ':v': person.version },
                },
              },
              enrolmentRefsAppend(table, tenantId, personId, [keys.enrolmentRef(programId, enrolment.role)]),
              auditPut(table, audit),
              ...(idempotency ? idempotencyPuts(table, idempotency, enrolment.personId) : []),
              ...indexWrites(table, enrolmentIndexed(enrolment, person)),
            ],
          }),
        )
        .catch((e) =>
          // Item 2 is the person: changed or erased meanwhile.
          cancellationCodes(e)[2] === 'ConditionalCheckFailed'
            ? translate(e, { key: 'conflict.version', params: { type: 'Person' } })
            : translate(e, { key: 'conflict.exists', params: { type: 'Enrolment', field: 'program and role' } }),
        );
    },

    async replaceEnrolment(next, previous, audit) {
      const withdrawn = previous.status !== 'WITHDRAWN' && next.status === 'WITHDRAWN';
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              setFields(
                table,
                keys.enrolment(next.tenantId, next.personId, next.programId, next.role),
                {
                  reasons: next.reasons,
                  capacity: next.capacity,
                  hoursPerMonth: next.hoursPerMonth,
                  awayUntil: next.awayUntil ?? null,
                  acceptsRequests: next.acceptsRequests ?? true,
                  openToSponsoring: next.openToSponsoring,
                  shortlist: next.shortlist,
                  status: next.status,
                  withdrawnReason: next.withdrawnReason,
                  updatedAt: next.updatedAt,
                  version: next.version,
                },
                // A participant in a running pair cannot leave the program under it.
                {
                  expression: `version = :v${withdrawn ? ' AND activeMentorships = :zero' : ''}`,
                  values: { ':v': previous.version, ...(withdrawn ? { ':zero': 0 } : {}) },
                },
              ),
              ...(withdrawn
                ? [
                    {
                      Update: {
                        TableName: table,
                        Key: keys.programStats(next.tenantId, next.programId),
                        UpdateExpression: 'ADD #n :minus, withdrawn :one, #w :one',
                        ExpressionAttributeNames: { '#n': counterFor(next.role), '#w': `${counterFor(next.role)}Withdrawn` },
                        ExpressionAttributeValues: { ':minus': -1, ':one': 1 },
                      },
                    },
                  ]
                : []),
              auditPut(table, audit),
              // The mentor's terms in the discovery index, under the enrolment's version (ADR 0072).
              ...indexWrites(table, termsIndexed(next)),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Enrolment' } }));
    },

    listEnrolments(tenantId, programId, filter: ParticipantFilter, sort, req) {
      if (filter.search) {
        const roles: Enrolment['role'][] = filter.role ? [filter.role] : ['MENTOR', 'MENTEE', 'PEER'];
        return searchPage(client, tenantId, filter.search, req, async (ids) => {
          const items = await batchGet(
            client,
            ids.flatMap((id) => roles.map((role) => keys.enrolment(tenantId, id, programId, role))),
          );
          const out = new Map<string, Enrolment[]>();
          for (const item of items) {
            const e = fromItem<Enrolment>(item);
            if (!enrolmentMatches(e, filter)) continue;
            out.set(
              e.personId,
              [...(out.get(e.personId) ?? []), e].sort((a, b) => a.role.localeCompare(b.role)),
            );
          }
          return out;
        });
      }
      const k = keys.programEnrolments(tenantId, programId, filter.role ?? null);
      const index = sort === 'NAME' ? 'GSI1' : 'GSI2';
      return queryPage<Enrolment>(
        client,
        {
          index,
          partition: { attribute: `${index}PK`, value: k.indexPK },
          sortPrefix: { attribute: `${index}SK`, value: k.sortPrefix },
          forward: sort === 'NAME',
          filter: filterFor(filter, 'skills'),
        },
        req,
      );
    },

    async mentorCards(tenantId, programId) {
      // One Query over the program's mentors (GSI1, by name), read to the end: DynamoDB's 1 MB pages only.
      const k = keys.programEnrolments(tenantId, programId, 'MENTOR');
      const items = await queryEvery(client, {
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :sk)',
        ExpressionAttributeValues: { ':pk': k.indexPK, ':sk': k.sortPrefix },
        // What discovery reads: the card and the mentor's load, not the list copies or the shortlist.
        ProjectionExpression: CARD_READ.map((_, i) => `#c${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(CARD_READ.map((name, i) => [`#c${i}`, name])),
      });
      return items.map(cardRead);
    },

    async mentorCardsOf(tenantId, programId, personIds) {
      const items = await batchGet(
        client,
        personIds.map((id) => keys.enrolment(tenantId, id, programId, 'MENTOR')),
      );
      return new Map(items.map((item) => [String(item.personId), cardRead(item)]));
    },

    async enrolmentsOfMany(tenantId, personIds) {
      const refs = await batchGet(
        client,
        personIds.map((id) => keys.enrolmentRefs(tenantId, id)),
      );
      const enrolmentKeys = refs.flatMap((r) => (r.refs as string[]).map((ref) => keys.enrolmentOfRef(tenantId, String(r.personId), ref)));
      const items = await batchGet(client, enrolmentKeys);
      const out = new Map<string, Enrolment[]>(personIds.map((id) => [id, []]));
      for (const item of items) out.get(String(item.personId))?.push(fromItem<Enrolment>(item));
      return out;
    },

    allEnrolments(tenantId, programId) {
      return allPages((page) => store.listEnrolments(tenantId, programId, {}, 'NAME', page));
    },

    enrolmentsOf(tenantId, personId) {
      const k = keys.personEnrolments(tenantId, personId);
      return queryAll<Enrolment>(client, k.PK, k.SKPrefix);
    },
  };
  return store;
}
