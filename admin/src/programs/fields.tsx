import { Chip, type ChipProps } from '@mui/material';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';
import type { ProgramStatus } from '../generated/graphql.ts';
import { useFormat } from '../layout/format.ts';
import type { ProgramRecord } from '../providers/programs.ts';

function statusLook(status: ProgramStatus): Pick<ChipProps, 'color' | 'variant'> {
  switch (status) {
    case 'DRAFT':
      return { color: 'default', variant: 'outlined' };
    case 'OPEN':
      return { color: 'info', variant: 'filled' };
    case 'RUNNING':
      return { color: 'success', variant: 'filled' };
    case 'CLOSED':
      return { color: 'default', variant: 'filled' };
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

/** Datagrid and SimpleShowLayout read `label`, `source` and `sortable` from a field's props. */
type ColumnProps = Partial<FieldProps<ProgramRecord>>;

export function ProgramStatusField(_props: ColumnProps) {
  const record = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <Chip size="small" label={translate(`resources.programs.status.${record.status}`)} {...statusLook(record.status)} />;
}

export function EnrolmentWindowField(_props: ColumnProps) {
  const record = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const from = record.enrolmentOpensOn && format.date(record.enrolmentOpensOn);
  const until = record.enrolmentClosesOn && format.date(record.enrolmentClosesOn);
  const key = from && until ? 'between' : from ? 'from' : until ? 'until' : 'unset';
  return <span>{translate(`resources.programs.enrolment.${key}`, { from, until, date: from || until })}</span>;
}
