import { Alert, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../layout/format.ts';
import type { RoleWords } from '../programs/roles.ts';
import type { MatchingRunRecord, RunProposal } from '../providers/matching.ts';

/** A group run's proposals by circle: one circle per mentor (ADR 75), heaviest first. */
export function groupByCircle(proposals: readonly RunProposal[]): { mentorId: string; mentorName: string; members: RunProposal[] }[] {
  const circles = new Map<string, { mentorId: string; mentorName: string; members: RunProposal[] }>();
  for (const proposal of proposals) {
    const mentorId = proposal.mentor?.id ?? proposal.mentorName;
    const circle = circles.get(mentorId) ?? { mentorId, mentorName: proposal.mentorName, members: [] };
    circle.members.push(proposal);
    circles.set(mentorId, circle);
  }
  return [...circles.values()].sort((a, b) => b.members.length - a.members.length || a.mentorName.localeCompare(b.mentorName));
}

/** A group program's run: the proposed members per circle, then what the search under the minimum circle size proved. */
export function CircleProposals({ run, words }: { run: MatchingRunRecord; words: RoleWords }) {
  const translate = useTranslate();
  const { percent } = useFormat();
  const t = (key: string, args?: Record<string, unknown>) => translate(`kindling.matching.circles.${key}`, args);
  const circles = groupByCircle(run.proposals);
  return (
    <Box sx={{ mt: 2 }} component="section" aria-label={t('title')}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('title')}
      </Typography>
      {circles.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('none')}
        </Typography>
      ) : (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' }, gap: 1.5, mt: 1 }}>
          {circles.map((circle) => (
            <Card key={circle.mentorId} variant="outlined" data-testid="proposed-circle">
              <CardContent>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  {t('circleOf', { mentor: circle.mentorName })}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {words.of('MENTOR')}: {circle.mentorName} ·{' '}
                  {translate('kindling.kinds.count.MENTEE', { smart_count: circle.members.length })}
                </Typography>
                <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.75 }}>
                  {circle.members.map((proposal) => (
                    <Chip
                      key={proposal.id}
                      size="small"
                      variant="outlined"
                      label={proposal.score == null ? proposal.menteeName : `${proposal.menteeName} · ${percent(proposal.score)}`}
                    />
                  ))}
                </Stack>
              </CardContent>
            </Card>
          ))}
        </Box>
      )}
      <CircleCertificationPart run={run} />
    </Box>
  );
}

/** EXACT (optimal under the minimum) or BOUNDED (how far from optimal at most), and the circles left closed, with why. */
function CircleCertificationPart({ run }: { run: MatchingRunRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  const t = (key: string, args?: Record<string, unknown>) => translate(`kindling.matching.circles.${key}`, args);
  const proof = run.certification?.circles;
  if (!proof) return null;
  const cost = Math.max(0, proof.unconstrained - proof.objective);
  return (
    <Alert severity={proof.method === 'EXACT' ? 'success' : 'warning'} sx={{ mt: 2 }} data-testid="circle-certification">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t(`proof.${proof.method}`, { nodes: format.number(proof.nodes) })}
      </Typography>
      <Typography variant="body2">
        {t('figures', {
          objective: format.number(proof.objective, 3),
          bound: format.number(proof.bound, 3),
          unconstrained: format.number(proof.unconstrained, 3),
          cost: format.number(cost, 3),
        })}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {proof.closed.length === 0
          ? t('noneClosed')
          : t('closed', { smart_count: proof.closed.length, mentors: format.list(proof.closed.map((mentor) => mentor.displayName)) })}
      </Typography>
    </Alert>
  );
}
