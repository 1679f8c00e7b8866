import { Alert, Box, Card, CardContent, Chip, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../layout/format.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { ProgramRecord } from '../providers/programs.ts';

/**
 * What the manager should look at in this program: pairs that stayed overdue past the escalation
 * point and mentors who stopped answering, kept current by the engagement job, each with what to do.
 */
export function AttentionList() {
  const program = useRecordContext<ProgramRecord>();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const translate = useTranslate();
  const { relative, number } = useFormat();
  const attention = useQuery({
    queryKey: ['programs', 'attention', program?.id],
    queryFn: ({ signal }) => dataProvider.programAttention(String(program?.id), signal),
    enabled: program !== undefined,
  });
  const t = (key: string, args?: Record<string, unknown>) => translate(`resources.programs.attention.${key}`, args);
  return (
    <Card variant="outlined" component="section" aria-labelledby="attention-title" sx={{ mb: 2, width: '100%' }}>
      <CardContent>
        <Typography id="attention-title" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('title')}
        </Typography>
        {attention.isPending && <LinearProgress />}
        {attention.error && <Alert severity="error">{attention.error.message}</Alert>}
        {attention.data?.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('none')}
          </Typography>
        )}
        {attention.data && attention.data.length > 0 && (
          <List dense aria-label={t('title')}>
            {attention.data.map((item) => (
              <ListItem key={`${item.kind}-${item.subjectId}`} disableGutters>
                <ListItemText
                  primary={
                    <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                      <Chip
                        size="small"
                        color={item.kind === 'UNRESPONSIVE_MENTOR' ? 'warning' : 'error'}
                        label={t(`kinds.${item.kind}`)}
                      />
                      <Link
                        to={
                          item.kind === 'OVERDUE_PAIR'
                            ? `/mentorships/${encodeURIComponent(item.subjectId)}/show`
                            : item.kind === 'OVERDUE_CIRCLE'
                              ? `/circles/${encodeURIComponent(item.subjectId)}`
                              : `/people/${encodeURIComponent(item.subjectId)}/show`
                        }
                      >
                        {item.subjectName}
                      </Link>
                    </Box>
                  }
                  secondary={[
                    t(`signals.${item.kind}`, { smart_count: item.signals, count: number(item.signals) }),
                    t('since', { when: relative(item.since) }),
                    item.suggestion ? t(`suggestions.${item.suggestion}`) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}
