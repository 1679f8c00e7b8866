import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Datagrid, ReferenceField, type TranslateFunction, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../layout/format.ts';
import { LocaleDateField } from '../layout/LocaleDateField.tsx';
import { humanizeCode, useFocusAreaLabel } from '../participants/focusAreas.ts';
import type { AuditRecord } from '../providers/audit.ts';

/** Datagrid reads `label` from a column's props. */
interface ColumnProps {
  label?: string;
}

/** The console resource an entity type links to, where there is one. */
const RESOURCES: Record<string, string> = { Person: 'people', Program: 'programs', Mentorship: 'mentorships' };

/** Where a `status` value's words are, by what the entry is about. */
const STATUS_WORDS: Record<string, string> = {
  Program: 'resources.programs.status',
  Mentorship: 'kindling.pairs.status',
  Request: 'kindling.requests.status',
  Proposal: 'kindling.matching.statuses',
};

/** Fields whose codes have words elsewhere in the console. */
const CODE_WORDS: Record<string, string> = {
  origin: 'kindling.audit.values.origin',
  trigger: 'kindling.matching.triggers',
  criterion: 'kindling.matching.criteria',
  health: 'kindling.health',
  approvalMode: 'resources.programs.approvalMode',
  objective: 'kindling.matching.objectives',
  departmentPolicy: 'resources.programs.departmentPolicy',
};

/** Shares and fits (0–1) read as percentages. */
const SHARES = new Set(['score', 'contribution', 'matchRate', 'minimumScore', 'averageScore', 'bestScore']);

const SCREAMING = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{3,}$/;

/** Where a field's label is found, by what the entry is about: enrolment entries describe an enrolment, not the person. */
function labelPrefixes(entry: AuditRecord): string[] {
  const [, verb] = entry.action.split('.');
  if (entry.entityType === 'Person' && verb !== undefined && ['enrol', 'enrolment', 'withdraw'].includes(verb)) {
    return ['resources.participants.fields', 'resources.people.fields'];
  }
  const resource = RESOURCES[entry.entityType];
  return resource ? [`resources.${resource}.fields`] : [];
}

/** `skillsOffered` → `Skills offered`, for a field nobody translated. */
const humanize = (field: string) => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function fieldLabel(entry: AuditRecord, field: string, translate: TranslateFunction): string {
  return [...labelPrefixes(entry), 'kindling.audit.fields'].reduceRight<string>(
    (fallback, prefix) => translate(`${prefix}.${field}`, { _: fallback }),
    humanize(field),
  );
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const Nothing = () => (
  <Typography component="span" variant="body2" color="text.disabled">
    —
  </Typography>
);

/** A stored JSON value, readably: words for codes the console knows, dates in the reader's locale, objects as lines. */
function useFormatValue() {
  const translate = useTranslate();
  const focusArea = useFocusAreaLabel();
  const { locale, date, dateTime } = useFormat();

  const format = (entry: AuditRecord, field: string, value: unknown, depth = 0): ReactNode => {
    if (value === null || value === undefined || value === '') return <Nothing />;
    if (typeof value === 'boolean') return translate(`ra.boolean.${value}`);
    if (typeof value === 'number') {
      if (SHARES.has(field) && value >= 0 && value <= 1) return new Intl.NumberFormat(locale, { style: 'percent' }).format(value);
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    }
    if (typeof value === 'string') {
      const words = CODE_WORDS[field];
      if (words) return translate(`${words}.${value}`, { _: humanizeCode(value) });
      if (field === 'role') return translate(`kindling.enrolment.role.${value}`, { _: value });
      if (field === 'status') {
        const kind = STATUS_WORDS[entry.entityType] ?? 'kindling.enrolment.status';
        return translate(`${kind}.${value}`, { _: value });
      }
      // A meeting's kind (meeting, check-in) or a pair's source (request, proposal, manager).
      if (field === 'kind') {
        return translate(`kindling.meetings.kind.${value}`, { _: translate(`kindling.pairs.source.${value}`, { _: value }) });
      }
      if (field === 'side') return translate(`kindling.enrolment.role.${value}`, { _: value });
      if (field === 'reasons' || field === 'focusAreas') return focusArea(value);
      if (field === 'mode') return translate(`kindling.audit.values.mode.${value}`, { _: value });
      if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return dateTime(value);
      if (ISO_DAY.test(value)) return date(value);
      // A code nobody gave words to still reads as words, never as SCREAMING_CASE.
      if (SCREAMING.test(value)) return translate(`kindling.audit.values.codes.${value}`, { _: humanizeCode(value) });
      return value;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return <Nothing />;
      if (value.every((item) => typeof item !== 'object' || item === null)) {
        return value.map((item) => String(field === 'reasons' || field === 'focusAreas' ? focusArea(String(item)) : item)).join(', ');
      }
      // A proposal's explanation: each criterion and the pair's fit on it.
      if (field === 'explanation') {
        return (value as { criterion?: string; score?: number }[])
          .map(
            (part) =>
              `${translate(`kindling.matching.criteria.${part.criterion}`, { _: String(part.criterion) })} ${format(entry, 'score', part.score, depth + 1)}`,
          )
          .join(' · ');
      }
      return (
        <Box component="span" sx={{ display: 'block' }}>
          {value.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored list has no ids; its order is what was stored
            <Box component="span" key={index} sx={{ display: 'block' }}>
              {format(entry, field, item, depth)}
            </Box>
          ))}
        </Box>
      );
    }
    if (typeof value === 'object' && depth <= 1) {
      return (
        <Box component="span" sx={{ display: 'block' }}>
          {Object.entries(value).map(([key, inner]) => (
            <Box component="span" key={key} sx={{ display: 'block' }}>
              <Typography component="span" variant="body2" color="text.secondary">
                {fieldLabel(entry, key, translate)}:
              </Typography>{' '}
              {format(entry, key, inner, depth + 1)}
            </Box>
          ))}
        </Box>
      );
    }
    return <code>{JSON.stringify(value)}</code>;
  };
  return format;
}

const COLLAPSED_ROWS = 6;

/** What a reader looks for first in an entry, and the bookkeeping they rarely need, which goes last. */
const FIRST = [
  'role',
  'status',
  'reasons',
  'withdrawnReason',
  'endReason',
  'name',
  'displayName',
  'mentorName',
  'menteeName',
  'jobTitle',
  'department',
  'email',
];
const LAST = ['id', 'personId', 'programId', 'mentorId', 'menteeId', 'createdAt', 'enrolledAt', 'skills'];
const rank = (field: string) => {
  const first = FIRST.indexOf(field);
  if (first >= 0) return first - FIRST.length;
  return LAST.indexOf(field) + 1;
};

/** Each changed field of one entry: before and after, side by side. Long ones (a creation) fold. */
export function ChangesTable(_props: ColumnProps) {
  const entry = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  const format = useFormatValue();
  const [expanded, setExpanded] = useState(false);
  if (!entry) return null;
  // A field that was null and stays null did not change.
  const changes = entry.changes
    .filter((change) => JSON.stringify(change.before ?? null) !== JSON.stringify(change.after ?? null))
    .sort((a, b) => rank(a.field) - rank(b.field));
  if (changes.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('kindling.audit.noChanges')}
      </Typography>
    );
  }
  const creation = changes.every((change) => change.before === null || change.before === undefined);
  const shown = expanded ? changes : changes.slice(0, COLLAPSED_ROWS);
  return (
    <Box>
      <Table size="small" sx={{ '& td, & th': { px: 1, py: 0.5, verticalAlign: 'top' }, maxWidth: 720 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '28%' }}>{translate('kindling.audit.field')}</TableCell>
            {!creation && <TableCell sx={{ width: '36%' }}>{translate('kindling.audit.before')}</TableCell>}
            <TableCell>{translate(creation ? 'kindling.audit.value' : 'kindling.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((change) => (
            <TableRow key={change.field}>
              <TableCell component="th" scope="row" sx={{ color: 'text.secondary' }}>
                {fieldLabel(entry, change.field, translate)}
              </TableCell>
              {!creation && (
                <TableCell sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                  {format(entry, change.field, change.before)}
                </TableCell>
              )}
              <TableCell sx={{ overflowWrap: 'anywhere' }}>{format(entry, change.field, change.after)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {changes.length > COLLAPSED_ROWS && (
        <Button size="small" onClick={() => setExpanded(!expanded)} sx={{ mt: 0.5 }}>
          {translate(expanded ? 'kindling.audit.showFewer' : 'kindling.audit.showAll', { count: changes.length })}
        </Button>
      )}
    </Box>
  );
}

/** What happened, in words: `person.update` → "Profile changed". */
export function ActionField(_props: ColumnProps) {
  const entry = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {translate(`kindling.audit.actions.${entry.action}`, { _: entry.action })}
    </Typography>
  );
}

/** Who did it: the actor's id and role. */
export function ActorField(_props: ColumnProps) {
  const entry = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Box>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {entry.actor.id.startsWith('system:')
          ? translate(`kindling.audit.systemActors.${entry.actor.id.slice('system:'.length)}`, {
              _: translate('kindling.audit.systemActors.other'),
            })
          : entry.actor.id}
      </Typography>
      <Chip size="small" variant="outlined" label={translate(`kindling.roles.${entry.actor.role}`, { _: entry.actor.role })} />
    </Box>
  );
}

/** The record changed: a link by name for people and programs (someone erased since shows as such), the type otherwise. */
export function EntityField(_props: ColumnProps) {
  const entry = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!entry) return null;
  const type = translate(`kindling.audit.entityTypes.${entry.entityType}`, { _: entry.entityType });
  const resource = RESOURCES[entry.entityType];
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {type}
      </Typography>
      {resource && (
        <ReferenceField
          source="entityId"
          reference={resource}
          link="show"
          empty={
            <Typography variant="body2" color="text.secondary">
              {translate('kindling.audit.gone')}
            </Typography>
          }
        />
      )}
    </Box>
  );
}

/** The columns of an audit trail; on one record's page the record column is left out. */
export function AuditEntryGrid({ showEntity = true }: { showEntity?: boolean }) {
  return (
    <Datagrid bulkActionButtons={false} rowClick={false} hover={false} sx={{ '& td': { verticalAlign: 'top' } }}>
      <LocaleDateField source="at" label="kindling.audit.at" showTime sortable={false} sx={{ whiteSpace: 'nowrap' }} />
      <ActorField label="kindling.audit.actor" />
      <ActionField label="kindling.audit.action" />
      {showEntity && <EntityField label="kindling.audit.entity" />}
      <ChangesTable label="kindling.audit.changes" />
    </Datagrid>
  );
}
