import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#domain/kernel/audit.ts';
import { fold } from '#domain/kernel/names.ts';
import type { GroupFairness } from '#domain/matching/run.ts';
import type { Meeting, Mentorship } from '#domain/mentorships/pairs.ts';
import type { ImportRow, RejectedRow } from '#domain/people/imports.ts';
import type { Enrolment, Person } from '#domain/people/people.ts';
import {
  type ErasureMarker,
  erasedCircle,
  erasedFairness,
  erasedGoal,
  erasedGroupMeeting,
  erasedMeeting,
  erasedMessage,
  erasedPair,
  erasedProblem,
  erasedProposal,
  erasedRequest,
  erasedSurvey,
  type PrivacyStore,
  redactChanges,
  rowIsAbout,
  scrubDeep,
  textScrubber,
} from '#domain/privacy/personalData.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { peopleCountUpdate } from './counts.ts';
import { indexWrites } from './discovery.ts';
import { employmentPack } from './employmentPack.ts';
import { fromItem, pack, translate, unpack } from './items.ts';
import { type Key, keys } from './keys.ts';
import { holdSendGroups } from './outbox.ts';
import { personProposalsOf } from './proposals.ts';
import { queryAll } from './query.ts';
import { searchChanges } from './search.ts';

type Item = Record<string, unknown> & Key;

/** Equal as stored (string sets compared by their members). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a, setsAsLists) === JSON.stringify(b, setsAsLists);
const setsAsLists = (_k: string, v: unknown) => (v instanceof Set ? [...v].sort() : v);

const withoutKeys = (item: Item, ...names: string[]): Item =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !names.includes(k))) as Item;

export function privacyStore(client: StoreClient): PrivacyStore {
  const { doc, table } = client;
  const hrCopy = employmentPack(client);
  /** The erasure's note to the compact copy: one id per person, so `pseudonymise` finds it again after a crash. */
  const erasureNote = (tenantId: string, personId: string) => hrCopy.note(tenantId, [personId], `erase-${personId}`);

  async function pairsOf(tenantId: string, personId: string) {
    const k = keys.personPairs(tenantId, personId);
    const pointers = await queryAll<{ mentorshipId: string; role: string }>(client, k.PK, k.SKPrefix);
    const items = await batchGet(
      client,
      pointers.map((p) => keys.mentorship(tenantId, p.mentorshipId)),
    );
    return { pointers, mentorships: items.map((i) => fromItem<Mentorship>(i)) };
  }

  const trail = (tenantId: string, type: string, id: string) => queryAll<AuditEntry>(client, keys.entityAudit(tenantId, type, id).PK, '');

  const update = (key: { PK: string; SK: string }, expression: string, values: Record<string, unknown>, names?: Record<string, string>) =>
    doc.send(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: values,
        ...(names ? { ExpressionAttributeNames: names } : {}),
      }),
    );

  /** Every raw item of a partition (or of its SK prefix), keys included, so a rewrite keeps them. */
  async function rawPartition(pk: string, skPrefix: string): Promise<Item[]> {
    return rawQuery({
      KeyConditionExpression: skPrefix ? 'PK = :pk AND begins_with(SK, :sk)' : 'PK = :pk',
      ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':sk': skPrefix } : { ':pk': pk },
    });
  }

  /** Every raw item under one index partition. */
  function rawIndex(index: 'GSI1' | 'GSI2', attribute: 'GSI1PK' | 'GSI2PK', value: string): Promise<Item[]> {
    return rawQuery({ IndexName: index, KeyConditionExpression: `${attribute} = :pk`, ExpressionAttributeValues: { ':pk': value } });
  }

  async function rawQuery(params: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const out: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await doc.send(new QueryCommand({ TableName: table, ...params, ExclusiveStartKey: start }));
      out.push(...((res.Items ?? []) as Item[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Writes back what `erase` makes of an item, when that differs. A versioned item (request,
   * proposal, pair, goal) moves to the next version, conditional on the one read, so a writer holding
   * the old version cannot put the erased text back; a lost race reads again and retries.
   */
  async function rewrite(itemOrKey: Item | Key, erase: (item: Item) => object): Promise<boolean> {
    let item: Item | undefined = 'type' in itemOrKey || Object.keys(itemOrKey).length > 2 ? (itemOrKey as Item) : undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!item) {
        const { Item: fresh } = await doc.send(
          new GetCommand({ TableName: table, Key: { PK: itemOrKey.PK, SK: itemOrKey.SK }, ConsistentRead: true }),
        );
        if (!fresh) return false;
        item = fresh as Item;
      }
      const next = erase(item) as Item;
      if (same(next, item)) return false;
      const versioned = typeof item.version === 'number';
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: versioned ? { ...next, version: (item.version as number) + 1 } : next,
            ConditionExpression: versioned ? 'version = :v' : 'attribute_exists(PK)',
            ...(versioned ? { ExpressionAttributeValues: { ':v': item.version } } : {}),
          }),
        );
        return true;
      } catch (e) {
        if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
        item = undefined;
      }
    }
    throw new Error(`erasure could not rewrite ${itemOrKey.PK} ${itemOrKey.SK}: it kept changing`);
  }

  return {
    async collectPersonalData(tenantId, personId) {
      const [profile, enrolments, pairs, audit] = await Promise.all([
        doc.send(new GetCommand({ TableName: table, Key: keys.person(tenantId, personId) })),
        queryAll<Enrolment>(client, keys.personEnrolments(tenantId, personId).PK, keys.personEnrolments(tenantId, personId).SKPrefix),
        pairsOf(tenantId, personId),
        trail(tenantId, 'Person', personId),
      ]);
      const meetings = (
        await Promise.all(
          pairs.mentorships.map((m) => queryAll<Meeting>(client, keys.meetings(tenantId, m.id).PK, keys.meetings(tenantId, m.id).SKPrefix)),
        )
      ).flat();
      return { person: profile.Item ? fromItem<Person>(profile.Item) : null, enrolments, mentorships: pairs.mentorships, meetings, audit };
    },

    async erasureOf(tenantId, personId) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keys.erasure(tenantId, personId) }));
      return Item ? fromItem<ErasureMarker>(Item) : null;
    },

    async eraseProfile(person, marker, audit) {
      const t = person.tenantId;
      const pending = erasureNote(t, person.id);
      await doc
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: table,
                  Key: keys.person(t, person.id),
                  ConditionExpression: 'version = :v',
                  ExpressionAttributeValues: { ':v': person.version },
                },
              },
              { Delete: { TableName: table, Key: keys.personEmail(t, person.email) } },
              ...(person.externalId ? [{ Delete: { TableName: table, Key: keys.personExternalId(t, person.externalId) } }] : []),
              // HR facts (hire and leave dates, exit reasons): the retention figures only ever hold counts.
              { Delete: { TableName: table, Key: { PK: keys.employment(t, person.id).PK, SK: keys.employment(t, person.id).SK } } },
              // ... and their copy in the snapshot's compact copy of the records (exit text too): `pseudonymise` folds it out.
              pending.put,
              // The search tokens hold the name, the e-mail and the employee id.
              ...searchChanges(table, null, person),
              peopleCountUpdate(table, t, -1),
              {
                Put: {
                  TableName: table,
                  Item: { ...keys.erasure(t, person.id), type: 'Erasure', ...marker },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              auditPut(table, audit),
            ],
          }),
        )
        .catch((e) => translate(e, { key: 'conflict.version', params: { type: 'Person' } }));
    },

    async pseudonymise(marker) {
      const { tenantId: t, personId, pseudonym } = marker;
      const scrub = textScrubber(marker.lookup, pseudonym);
      const counts = {
        enrolments: 0,
        mentorships: 0,
        meetings: 0,
        auditEntries: 0,
        goals: 0,
        surveys: 0,
        requests: 0,
        proposals: 0,
        notifications: 0,
        webhookDeliveries: 0,
        importRows: 0,
        idempotencyRecords: 0,
        other: 0,
      };

      /** An idempotency record and the reference through which erasure found it (the record first: a crash between leaves the reference to retry). */
      const deleteIdempotency = async (ref: Item) => {
        await doc.send(new DeleteCommand({ TableName: table, Key: keys.idempotency(t, String(ref.key)) }));
        await doc.send(new DeleteCommand({ TableName: table, Key: { PK: ref.PK, SK: ref.SK } }));
        counts.idempotencyRecords++;
      };

      // The HR record's copy in the snapshot's compact copy (ADR 0078): the record is gone, so the fold drops it.
      await hrCopy.fold(t, [erasureNote(t, personId).note]);

      // Enrolments: the copies of name, e-mail, department and skills, a mentor's card, and the withdrawal reason.
      const ek = keys.personEnrolments(t, personId);
      const enrolments = await queryAll<Enrolment>(client, ek.PK, ek.SKPrefix);
      for (const e of enrolments) {
        // Sorted last in the program's lists; role, status, reasons and dates stay for the statistics.
        const sortKey = `~erased ${personId}`;
        await update(
          keys.enrolment(t, personId, e.programId, e.role),
          'SET displayName = :p, email = :none, department = :null, departmentKey = :null, skills = :empty, skillKeys = :empty, shortlist = :empty, withdrawnReason = :null, searchText = :search, sortKey = :sort, GSI1SK = :gsi1 REMOVE card',
          {
            ':p': pseudonym,
            ':none': '',
            ':null': null,
            ':empty': [],
            ':search': fold(pseudonym),
            ':sort': sortKey,
            ':gsi1': keys.enrolmentIndex(t, e.programId, e.role, sortKey, e.enrolledAt, personId).GSI1SK,
          },
        );
        // A mentor leaves the program's discovery index (ADR 0072): profile, terms and load.
        if (e.role === 'MENTOR')
          await doc.send(
            new UpdateCommand(
              (indexWrites(table, [{ tenantId: t, programId: e.programId, personId, remove: true }])[0] as { Update: never }).Update,
            ),
          );
        counts.enrolments++;
      }

      // Pairs and their shared record.
      const { mentorships } = await pairsOf(t, personId);
      for (const m of mentorships) {
        const pk = keys.mentorship(t, m.id).PK;
        await rewrite(keys.mentorship(t, m.id), (item) => erasedPair(item as never, personId, pseudonym));
        counts.mentorships++;
        for (const item of await rawPartition(pk, keys.meetings(t, m.id).SKPrefix)) {
          await rewrite(item, (i) => erasedMeeting(i as never));
          counts.meetings++;
        }
        for (const item of await rawPartition(pk, keys.goals(t, m.id).SKPrefix))
          if (await rewrite(item, (i) => erasedGoal(i as never))) counts.goals++;
        for (const item of await rawPartition(pk, keys.surveys(t, m.id).SKPrefix))
          if (await rewrite(item, (i) => erasedSurvey(i as never))) counts.surveys++;
        // Retries' records of the pair's meetings, goals and survey answers: the caller's key may hold personal data.
        for (const ref of await rawPartition(pk, keys.pairIdempotencies(t, m.id).SKPrefix)) await deleteIdempotency(ref);
      }
      // Circles the person leads or belongs to (through their places), and the circles' group meetings.
      for (const circleId of new Set(mentorships.flatMap((m) => (m.circleId ? [m.circleId] : [])))) {
        await rewrite(keys.circle(t, circleId), (item) => erasedCircle(item as never, personId, pseudonym));
        const k = keys.groupMeetings(t, circleId);
        for (const item of await rawPartition(k.PK, k.SKPrefix)) await rewrite(item, (i) => erasedGroupMeeting(i as never));
        // Retries' records of the circle's group meetings, as a pair's.
        for (const ref of await rawPartition(k.PK, keys.circleIdempotencies(t, circleId).SKPrefix)) await deleteIdempotency(ref);
      }

      // Requests sent (pointers) and received (the mentor's inbox).
      const sent = await queryAll<{ requestId: string }>(
        client,
        keys.sentRequests(t, personId).PK,
        keys.sentRequests(t, personId).SKPrefix,
      );
      const inbox = await rawIndex('GSI2', 'GSI2PK', keys.inbox(t, personId).GSI2PK);
      const requestIds = [...new Set([...sent.map((r) => r.requestId), ...inbox.map((r) => String(r.id))])];
      for (const id of requestIds) {
        if (await rewrite(keys.request(t, id), (i) => erasedRequest(i as never, personId, pseudonym))) counts.requests++;
      }

      // Proposals about the person.
      const { ids: proposalIds } = await personProposalsOf(client, t, personId);
      for (const id of proposalIds) {
        if (await rewrite(keys.proposal(t, id), (i) => erasedProposal(i as never, personId, pseudonym))) counts.proposals++;
      }

      // Audit trails of everything above: which fields changed stays, the values go.
      const trails = [
        ['Person', personId],
        ...mentorships.map((m) => ['Mentorship', m.id]),
        ...requestIds.map((id) => ['Request', id]),
        ...proposalIds.map((id) => ['Proposal', id]),
      ] as const;
      for (const [type, id] of trails) {
        for (const item of await rawPartition(keys.entityAudit(t, type, id).PK, '')) {
          if (item.action === 'person.erase') continue;
          await rewrite(item, (i) => ({ ...i, changes: pack(redactChanges(unpack<AuditEntry['changes']>(i.changes))) }));
          counts.auditEntries++;
        }
      }

      // Notifications for or about the person (the tenant's outbox, kept 120 days), and which of them any channel kept.
      const messageIds: string[] = [];
      const eraseMessage = (i: Item) => {
        const next = erasedMessage(i as never, personId, scrub, pseudonym) as unknown as Item;
        return next.status === 'FAILED' ? withoutKeys(next, 'GSI2PK', 'GSI2SK') : next;
      };
      const outbox = await rawIndex('GSI1', 'GSI1PK', keys.tenantOutbox(t).GSI1PK);
      // A waiting message is rewritten under its send group's lease, read afresh: a sender records its
      // outcomes without a condition and would otherwise write its copy back over the erased one (ADR 0083).
      const waiting = new Set(outbox.filter((i) => (i.status === 'PENDING' || i.status === 'SENDING') && !same(eraseMessage(i), i)));
      const release = await holdSendGroups(
        client,
        t,
        [...waiting].map((i) => String(i.sendGroup ?? i.id)),
        `erasure:${pseudonym}`,
        marker.erasedAt,
      );
      try {
        for (const item of outbox) {
          const changed = await rewrite(waiting.has(item) ? { PK: item.PK, SK: item.SK } : item, eraseMessage);
          if (changed) counts.notifications++;
          const about =
            (item.recipient as { personId?: string } | undefined)?.personId === personId || JSON.stringify(item).includes(pseudonym);
          if (changed || about) messageIds.push(String(item.id));
        }
      } finally {
        await release();
      }

      // Webhook deliveries (their bodies, kept 30 days).
      for (const sub of await rawIndex('GSI1', 'GSI1PK', keys.tenantWebhooks(t).GSI1PK)) {
        const deliveries = await rawIndex('GSI1', 'GSI1PK', keys.webhookDeliveryIndex(t, String(sub.id), '', '').GSI1PK);
        for (const item of deliveries) if (await rewrite(item, (i) => ({ ...i, body: scrub(String(i.body)) }))) counts.webhookDeliveries++;
      }

      // The engagement list and mentor signals, and matching runs' fairness groups, of the person's programs.
      const programIds = [...new Set(enrolments.map((e) => e.programId))];
      for (const programId of programIds) {
        for (const item of await rawPartition(keys.attentionList(t, programId).PK, '')) {
          if (await rewrite(item, (i) => scrubDeep(i, scrub))) counts.other++;
        }
        for (const run of await rawIndex('GSI1', 'GSI1PK', keys.programRuns(t, programId).GSI1PK)) {
          const changed = await rewrite(run, (i) => {
            const fairness = i.fairness as { byDepartment: GroupFairness[]; byLocation: GroupFairness[] } | undefined;
            if (!fairness) return i;
            const byDepartment = erasedFairness(fairness.byDepartment, marker.lookup);
            return { ...i, fairness: { byDepartment, byLocation: erasedFairness(fairness.byLocation, marker.lookup) } };
          });
          if (changed) counts.other++;
        }
      }

      // Import rows and reports that name the person's e-mail address or employee id, in any program's imports (kept 90 days).
      for (const program of await rawPartition(keys.programs(t).PK, keys.programs(t).SKPrefix)) {
        for (const job of await rawIndex('GSI1', 'GSI1PK', keys.programImports(t, String(program.id)).GSI1PK)) {
          const jobPK = keys.importJob(t, String(job.id)).PK;
          for (const chunk of await rawPartition(jobPK, keys.importChunks(t, String(job.id)).SKPrefix)) {
            // Packed as one string since ADR 0084, a list before: kept in the form it has.
            const stored = unpack<ImportRow[]>(chunk.rows ?? []);
            const rows = stored.filter((r) => !rowIsAbout(marker.lookup, r.person));
            const failures = ((chunk.failures ?? []) as RejectedRow[]).map((r) =>
              rowIsAbout(marker.lookup, r) ? erasedProblem(r, scrub, pseudonym) : r,
            );
            counts.importRows += stored.length - rows.length;
            await rewrite(chunk, (i) => ({ ...i, rows: typeof chunk.rows === 'string' ? pack(rows) : rows, failures }));
          }
          for (const report of await rawPartition(jobPK, keys.importReports(t, String(job.id)).SKPrefix)) {
            const rows = (report.rows as RejectedRow[]).map((r) => (rowIsAbout(marker.lookup, r) ? erasedProblem(r, scrub, pseudonym) : r));
            if (await rewrite(report, (i) => ({ ...i, rows }))) counts.importRows++;
          }
        }
      }

      // Idempotency records made for the person: their key is the caller's and may hold an address.
      const ik = keys.personIdempotencies(t, personId);
      for (const ref of await rawPartition(ik.PK, ik.SKPrefix)) await deleteIdempotency(ref);

      return { ...counts, messageIds };
    },

    async finishErasure(marker) {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.erasure(marker.tenantId, marker.personId),
          UpdateExpression: 'REMOVE lookup',
          ConditionExpression: 'attribute_exists(PK)',
        }),
      );
    },
  };
}
