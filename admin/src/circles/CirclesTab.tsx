import { Alert, Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../layout/format.ts';
import { HealthChip } from '../mentorships/health.tsx';
import { useRoleWords } from '../programs/roles.ts';
import type { CircleRow } from '../providers/circles.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { ProgramRecord } from '../providers/programs.ts';
import { CircleStatusChip, useCircleTopic } from './fields.tsx';

export const circlesKey = (programId: string) => ['kindling', 'programCircles', programId] as const;

/**
 * A group program's circles (ADR 75): each with its mentor, topic and status, its members with how
 * many group meetings they came to, and its health (colour plus words) from its last meeting.
 */
export function CirclesTab(_props: { label?: string | false }) {
  const program = useRecordContext<ProgramRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: circlesKey(program?.id ?? ''),
    queryFn: ({ signal }) => dataProvider.programCircles(program?.id ?? '', signal),
    enabled: Boolean(program),
  });
  if (!program) return null;
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      <Typography color="text.secondary" variant="body2">
        {translate('kindling.circles.explained', {
          minimum: program.circleSize?.minimum ?? '—',
          maximum: program.circleSize?.maximum ?? '—',
        })}
      </Typography>
      {data.data.length === 0 ? (
        <Alert severity="info">{translate('kindling.circles.none')}</Alert>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
          {data.data.map((circle) => (
            <CircleCard key={circle.id} circle={circle} program={program} />
          ))}
        </Box>
      )}
    </Stack>
  );
}

function CircleCard({ circle, program }: { circle: CircleRow; program: ProgramRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  const topic = useCircleTopic();
  const words = useRoleWords(program);
  const last = circle.health.lastContactAt;
  return (
    <Card variant="outlined" component="section" aria-label={translate('kindling.circles.circleOf', { mentor: circle.mentorName })}>
      <CardContent>
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Typography variant="h6" component="h3" sx={{ mr: 1 }}>
              <Link to={`/circles/${encodeURIComponent(circle.id)}`}>
                {translate('kindling.circles.circleOf', { mentor: circle.mentorName })}
              </Link>
            </Typography>
            <CircleStatusChip status={circle.status} />
            <HealthChip health={circle.health.status} />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {words.of('MENTOR')}: {circle.mentorName} · {translate('kindling.circles.topic')}: {topic(circle.topic)} ·{' '}
            {translate('kindling.circles.size', { count: circle.members.length, minimum: circle.minimum, maximum: circle.maximum })}
          </Typography>
          <Typography variant="body2">
            {last
              ? translate('kindling.circles.lastMeeting', { when: format.date(last), smart_count: circle.meetingCount })
              : translate('kindling.circles.noMeetingYet')}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} aria-label={translate('kindling.circles.members')}>
            {circle.members.map((member) => (
              <Chip
                key={member.person?.id ?? member.displayName}
                size="small"
                variant="outlined"
                label={translate('kindling.circles.memberAttended', {
                  name: member.displayName,
                  attended: member.attended,
                  smart_count: circle.meetingCount,
                })}
              />
            ))}
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
