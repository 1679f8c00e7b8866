import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useDataProvider, useTranslate } from 'react-admin';
import { useParams } from 'react-router';
import { useFormat } from '../layout/format.ts';
import { HealthChip } from '../mentorships/health.tsx';
import { useRoleWords } from '../programs/roles.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import { CircleStatusChip, useCircleTopic } from './fields.tsx';
import { LogGroupMeetingDialog } from './LogGroupMeetingDialog.tsx';

export const circleKey = (id: string) => ['kindling', 'circle', id] as const;

/** One circle: its members with their health and attendance, and its group meetings with who came. */
export function CirclePage() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const format = useFormat();
  const topic = useCircleTopic();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const [logging, setLogging] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: circleKey(id),
    queryFn: ({ signal }) => dataProvider.circle(id, signal),
  });
  const circle = data?.data;
  const words = useRoleWords(circle?.program);
  if (isPending) return <LinearProgress />;
  if (error || !circle) return <Alert severity="error">{error?.message ?? translate('kindling.circles.notFound')}</Alert>;
  const title = translate('kindling.circles.circleOf', { mentor: circle.mentorName });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={title} />
      <Stack spacing={2}>
        <Card variant="outlined">
          <CardContent>
            <Stack spacing={1.5}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
                <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
                  {title}
                </Typography>
                <CircleStatusChip status={circle.status} />
                <HealthChip health={circle.health.status} size="medium" />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                <Link to={`/programs/${encodeURIComponent(circle.program.id)}/show/circles`}>{circle.program.name}</Link> ·{' '}
                {words.of('MENTOR')}: {circle.mentorName} · {translate('kindling.circles.topic')}: {topic(circle.topic)} ·{' '}
                {translate('kindling.circles.size', { count: circle.members.length, minimum: circle.minimum, maximum: circle.maximum })}
              </Typography>
              <Typography variant="body2">
                {circle.health.lastContactAt
                  ? translate('kindling.circles.lastMeeting', {
                      when: format.date(circle.health.lastContactAt),
                      smart_count: circle.meetingCount,
                    })
                  : translate('kindling.circles.noMeetingYet')}
                {' · '}
                {translate('kindling.circles.nextDue', { when: format.date(circle.health.nextContactDue) })}
              </Typography>
              <Box>
                <Button
                  variant="contained"
                  startIcon={<EventAvailableIcon />}
                  onClick={() => setLogging(true)}
                  disabled={circle.status === 'CLOSED' || circle.members.length === 0}
                >
                  {translate('kindling.circles.meeting.log')}
                </Button>
              </Box>
            </Stack>
          </CardContent>
        </Card>

        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('kindling.circles.members')}
            </Typography>
            <Table size="small" aria-label={translate('kindling.circles.members')}>
              <TableHead>
                <TableRow>
                  <TableCell>{words.of('MENTEE')}</TableCell>
                  <TableCell>{translate('kindling.circles.health')}</TableCell>
                  <TableCell align="right">{translate('kindling.circles.attended')}</TableCell>
                  <TableCell>{translate('kindling.circles.lastAttended')}</TableCell>
                  <TableCell>{translate('kindling.circles.joined')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {circle.members.map((member) => (
                  <TableRow key={member.person?.id ?? member.displayName} data-testid="circle-member">
                    <TableCell>
                      {member.place ? (
                        <Link to={`/mentorships/${encodeURIComponent(member.place.id)}/show`}>{member.displayName}</Link>
                      ) : (
                        member.displayName
                      )}
                    </TableCell>
                    <TableCell>
                      <HealthChip health={member.health.status} />
                    </TableCell>
                    <TableCell align="right">
                      {translate('kindling.circles.attendedOf', { attended: member.attended, smart_count: circle.meetingCount })}
                    </TableCell>
                    <TableCell>{member.lastAttendedAt ? format.date(member.lastAttendedAt) : '—'}</TableCell>
                    <TableCell>{format.date(member.joinedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>

        <Card variant="outlined">
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate('kindling.circles.meetings')}
            </Typography>
            {circle.meetings.length === 0 ? (
              <Typography color="text.secondary">{translate('kindling.circles.noMeetingYet')}</Typography>
            ) : (
              <Table size="small" aria-label={translate('kindling.circles.meetings')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('kindling.circles.meeting.fields.heldAt')}</TableCell>
                    <TableCell>{translate('kindling.circles.meeting.fields.mode')}</TableCell>
                    <TableCell>{translate('kindling.circles.meeting.fields.topics')}</TableCell>
                    <TableCell>{translate('kindling.circles.meeting.fields.attendees')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {circle.meetings.map((meeting) => (
                    <TableRow key={meeting.id} data-testid="group-meeting">
                      <TableCell>
                        {format.dateTime(meeting.heldAt)} · {translate('kindling.circles.minutes', { count: meeting.durationMinutes })}
                      </TableCell>
                      <TableCell>{translate(`kindling.audit.values.mode.${meeting.mode}`)}</TableCell>
                      <TableCell>{meeting.topics.join(', ') || '—'}</TableCell>
                      <TableCell>
                        {translate('kindling.circles.cameOf', {
                          names: format.list(meeting.attendees.map((a) => a.displayName)),
                          count: meeting.attendees.length,
                          of: circle.members.length,
                        })}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </Stack>
      {logging && <LogGroupMeetingDialog circle={circle} onClose={() => setLogging(false)} />}
    </Box>
  );
}
