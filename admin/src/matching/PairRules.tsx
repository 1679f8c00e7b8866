import { Alert, Box, Button, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useFormat } from '../layout/format.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { rulesKey } from './keys.ts';

/** The pins (must pair) and blocks (never pair) the next runs respect; each can be removed. */
export function PairRules({ programId }: { programId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { dateTime } = useFormat();
  const rules = useQuery({
    queryKey: rulesKey(programId),
    queryFn: ({ signal }) => dataProvider.pairRules(programId, signal).then(({ data }) => data),
  });
  const t = (key: string) => translate(`kindling.matching.${key}`);

  const remove = async (menteeId: string, mentorId: string) => {
    try {
      await dataProvider.setPairRule(programId, menteeId, mentorId, 'NONE');
      notify('kindling.matching.ruleRemoved', { type: 'info' });
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    }
    await queryClient.invalidateQueries({ queryKey: rulesKey(programId) });
  };

  return (
    <Box>
      <Typography variant="h6" gutterBottom>
        {t('rules')}
      </Typography>
      {rules.error ? (
        <Alert severity="error">{rules.error.message}</Alert>
      ) : rules.isPending ? (
        <LinearProgress />
      ) : rules.data.length === 0 ? (
        <Typography color="text.secondary">{t('noRules')}</Typography>
      ) : (
        <Table size="small" aria-label={t('rules')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('mentee')}</TableCell>
              <TableCell>{t('mentor')}</TableCell>
              <TableCell>{t('rule')}</TableCell>
              <TableCell>{t('setAt')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rules.data.map((rule) => (
              <TableRow key={`${rule.mentee?.id}-${rule.mentor?.id}`}>
                <TableCell>{rule.mentee?.displayName ?? '—'}</TableCell>
                <TableCell>{rule.mentor?.displayName ?? '—'}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={rule.kind === 'BLOCK' ? 'error' : 'success'}
                    label={translate(`kindling.matching.kinds.${rule.kind}`)}
                  />
                </TableCell>
                <TableCell>{dateTime(rule.setAt)}</TableCell>
                <TableCell align="right">
                  {rule.mentee && rule.mentor && (
                    <Button size="small" onClick={() => remove(rule.mentee?.id ?? '', rule.mentor?.id ?? '')}>
                      {t('removeRule')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
