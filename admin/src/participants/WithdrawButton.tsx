import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ReasonDialog } from '../layout/ReasonDialog.tsx';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { GraphQLRequestError } from '../providers/graphqlClient.ts';
import type { ParticipantRecord } from '../providers/participants.ts';

/**
 * Withdraws one enrolment, with a reason (kept on the enrolment and in the audit log). It carries
 * the version shown: if someone changed the enrolment meanwhile, the dialog says so in words and
 * the list reloads underneath it.
 */
export function WithdrawButton(_props: { label?: string }) {
  const participant = useRecordContext<ParticipantRecord>();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!participant || participant.status === 'WITHDRAWN' || !participant.person) return null;

  const withdraw = async (reason: string) => {
    try {
      await dataProvider.withdraw(participant, reason);
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.code === 'CONFLICT') {
        refresh();
        throw new Error(translate('kindling.conflict.enrolment'));
      }
      throw error;
    }
    setOpen(false);
    notify('kindling.participants.withdrawn', { type: 'success', messageArgs: { name: participant.displayName } });
    refresh();
  };

  return (
    <>
      <Button label="kindling.participants.withdraw" onClick={() => setOpen(true)} color="warning">
        <PersonRemoveIcon />
      </Button>
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        title={translate('kindling.participants.withdrawTitle', {
          name: participant.displayName,
          role: translate(`kindling.enrolment.role.${participant.role}`).toLowerCase(),
        })}
        explanation={translate('kindling.participants.withdrawExplained')}
        reasonLabel={translate('kindling.participants.withdrawReason')}
        confirmLabel={translate('kindling.participants.withdrawConfirm')}
        color="warning"
        icon={<PersonRemoveIcon />}
        onConfirm={withdraw}
      />
    </>
  );
}
