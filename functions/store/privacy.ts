import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#domain/audit.ts';
import type { Meeting, Mentorship } from '#domain/mentorships.ts';
import { fold } from '#domain/names.ts';
import type { Enrolment, Person } from '#domain/people.ts';
import type { ErasureMarker, PrivacyStore } from '#domain/privacy.ts';
import { auditPut } from './audit.ts';
import { batchGet } from './batch.ts';
import type { StoreClient } from './client.ts';
import { fromItem, translate } from './items.ts';
import { keys } from './keys.ts';
import { queryAll } from './query.ts';

const REDACTED = '[erased]';

/** Audit changes with their values replaced: which fields changed stays, what they held goes. */
const redact = (changes: AuditEntry['changes']) =>
  changes.map((c) => ({ field: c.field, before: c.before === null ? null : REDACTED, after: c.after === null ? null : REDACTED }));

export function privacyStore(client: StoreClient): PrivacyStore {
  const { doc, table } = client;

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
      const { tenantId, personId, pseudonym } = marker;
      const counts = { enrolments: 0, mentorships: 0, meetings: 0, auditEntries: 0 };
      const ek = keys.personEnrolments(tenantId, personId);
      for (const e of await queryAll<Enrolment>(client, ek.PK, ek.SKPrefix)) {
        // Sorted last in the program's lists; role, status and dates stay for the statistics.
        const sortKey = `~erased ${personId}`;
        await update(
          keys.enrolment(tenantId, personId, e.programId, e.role),
          'SET displayName = :p, email = :none, department = :null, departmentKey = :null, skills = :empty, shortlist = :empty, searchText = :search, sortKey = :sort, GSI1SK = :gsi1',
          {
            ':p': pseudonym,
            ':none': '',
            ':null': null,
            ':empty': [],
            ':search': fold(pseudonym),
            ':sort': sortKey,
            ':gsi1': `${e.role}#${sortKey}#${personId}`,
          },
        );
        counts.enrolments++;
      }
      const { pointers, mentorships } = await pairsOf(tenantId, personId);
      const roleIn = new Map(pointers.map((p) => [p.mentorshipId, p.role]));
      for (const m of mentorships) {
        const field = roleIn.get(m.id) === 'MENTOR' ? 'mentorName' : 'menteeName';
        await update(keys.mentorship(tenantId, m.id), 'SET #name = :p', { ':p': pseudonym }, { '#name': field });
        counts.mentorships++;
        const mk = keys.meetings(tenantId, m.id);
        for (const meeting of await queryAll<Meeting>(client, mk.PK, mk.SKPrefix)) {
          await update(keys.meeting(tenantId, m.id, meeting.heldAt, meeting.id), 'SET topics = :empty', { ':empty': [] });
          counts.meetings++;
        }
      }
      const trails = [['Person', personId], ...mentorships.map((m) => ['Mentorship', m.id])] as const;
      for (const [type, id] of trails) {
        for (const entry of await trail(tenantId, type, id)) {
          if (entry.action === 'person.erase') continue;
          const { PK, SK } = keys.audit(tenantId, type, id, entry.at, entry.id);
          await update({ PK, SK }, 'SET changes = :c', { ':c': redact(entry.changes) });
          counts.auditEntries++;
        }
      }
      return counts;
    },
  };
}
