import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import PushPinIcon from '@mui/icons-material/PushPin';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { PairRuleKind } from '../generated/graphql.ts';
import { useFormat } from '../layout/format.ts';
import { ReasonDialog } from '../layout/ReasonDialog.tsx';
import { useFocusAreaLabel } from '../participants/focusAreas.ts';
import { type RoleWords, useProgramRoleWords } from '../programs/roles.ts';
import type { KindlingDataProvider } from '../providers/dataProvider.ts';
import type { MatchingRunRecord, RunProposal } from '../providers/matching.ts';
import { CircleProposals } from './CircleRun.tsx';
import { rulesKey, runKey, runsKey, useMatchingError } from './keys.ts';

/** Unmatched mentees shown before "show all": the reasons repeat, the page should not. */
const UNMATCHED_SHOWN = 10;

type Group = MatchingRunRecord['fairness']['byDepartment'][number];

/** One run: its proposals with why, who was left out and why, fairness per group, and what changed. */
export function RunView({
  runId,
  programId,
  onOpenRun,
  onClose,
}: {
  runId: string;
  programId: string;
  onOpenRun: (id: string) => void;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const { dateTime } = useFormat();
  const queryClient = useQueryClient();
  // A dry run exists only in the answer to the mutation, which the tab put in the cache: never refetch it.
  const dry = queryClient.getQueryData<MatchingRunRecord | null>(runKey(runId))?.dryRun === true;
  const run = useQuery({
    queryKey: runKey(runId),
    queryFn: ({ signal }) => dataProvider.matchingRun(runId, signal).then(({ data }) => data),
    ...(dry ? { staleTime: Number.POSITIVE_INFINITY, gcTime: Number.POSITIVE_INFINITY, enabled: false } : {}),
  });
  const words = useProgramRoleWords(programId);
  const t = (key: string, args?: Record<string, unknown>) => translate(`kindling.matching.${key}`, args);
  if (run.error) return <Alert severity="error">{run.error.message}</Alert>;
  if (run.isPending) return <LinearProgress />;
  if (!run.data) return <Alert severity="warning">{t('runGone')}</Alert>;
  const data = run.data;
  const previous = data.diff.previousRun;
  return (
    <Card variant="outlined" component="section" aria-label={t('runTitle', { when: dateTime(data.startedAt) })}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <Typography variant="h6" sx={{ flexGrow: 1 }}>
            {t('runTitle', { when: dateTime(data.startedAt) })}
          </Typography>
          {data.dryRun ? <Chip variant="outlined" label={t('dryRunChip')} /> : <Chip color="primary" label={t('realRunChip')} />}
          <Chip variant="outlined" label={translate(`kindling.matching.triggers.${data.trigger}`)} />
          <Button size="small" onClick={onClose}>
            {translate('ra.action.close')}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {words.peer
            ? t('summaryPeer', {
                proposed: data.counts.proposed,
                peers: data.counts.mentees,
                unmatched: data.counts.unmatched,
                pinned: data.counts.pinned,
                by: data.requestedBy,
              })
            : t('summaryNamed', {
                proposed: data.counts.proposed,
                mentees: words.count('MENTEE', data.counts.mentees),
                unmatched: data.counts.unmatched,
                mentors: words.count('MENTOR', data.counts.mentors),
                places: data.counts.places,
                pinned: data.counts.pinned,
                by: data.requestedBy,
              })}
        </Typography>
        {data.dryRun && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('dryRunNote')}
          </Alert>
        )}

        <Typography variant="subtitle1" sx={{ mt: 2, fontWeight: 600 }}>
          {t('diffTitle')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <Chip label={t('kept', { count: data.diff.kept })} />
          <Chip color="success" variant="outlined" label={t('added', { count: data.diff.added })} />
          <Chip color="warning" variant="outlined" label={t('dropped', { count: data.diff.dropped })} />
          {previous ? (
            <Button size="small" onClick={() => onOpenRun(previous.id)}>
              {t('previousRun', { when: dateTime(previous.startedAt) })}
            </Button>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t('noPrevious')}
            </Typography>
          )}
        </Stack>

        {words.kind === 'GROUP' && <CircleProposals run={data} words={words} />}
        <Proposals run={data} programId={programId} words={words} />
        <Unmatched run={data} words={words} />

        <Typography variant="subtitle1" sx={{ mt: 3, fontWeight: 600 }}>
          {t('fairness')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('fairnessHelp')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mt: 1 }}>
          <FairnessTable
            title={t('byDepartment')}
            groups={data.fairness.byDepartment}
            who={words.many(words.peer ? 'PEER' : 'MENTEE', 2)}
          />
          <FairnessTable title={t('byLocation')} groups={data.fairness.byLocation} who={words.many(words.peer ? 'PEER' : 'MENTEE', 2)} />
        </Stack>
        <TechnicalDetails run={data} />
      </CardContent>
    </Card>
  );
}

/** How long the run took, for whoever tunes Kindling: folded away from the manager's view. */
function TechnicalDetails({ run }: { run: MatchingRunRecord }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <Box sx={{ mt: 2 }}>
      <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
        {translate('kindling.matching.technical')}
      </Button>
      {open && (
        <Typography variant="caption" color="text.secondary" component="p">
          {translate('kindling.matching.technicalDetail', run.timings)}
        </Typography>
      )}
    </Box>
  );
}

/**
 * The criterion bars: the length is the pair's fit on the criterion (the same figure as the
 * percentage), and the words beside it the concrete reason; the criterion's share of the score is in
 * the tooltip. One encoding per column.
 */
function ScoreBars({ proposal }: { proposal: RunProposal }) {
  const translate = useTranslate();
  const { percent } = useFormat();
  const reason = useReason();
  // A pair of peers is scored both ways round: each peer's needs against the other's strengths.
  const nameOf = (id: string | undefined) => (id === proposal.mentor?.id ? proposal.mentorName : proposal.menteeName);
  const because = (part: Part) => {
    const ways = part.ways.map((way) => ({
      name: nameOf(way.seeker?.id),
      reason: reason({ ...part, score: way.score, facts: way.facts ?? null }),
    }));
    // Said once when both ways read the same (a shared language, the distance between time zones).
    if (ways.length < 2 || ways.every((w) => w.reason === ways[0]?.reason)) return reason(part);
    return (
      <Box component="span" sx={{ display: 'flex', flexDirection: 'column' }} data-testid="both-ways">
        {ways.map((w) => (
          <span key={w.name}>{translate('kindling.matching.forPeer', { name: w.name, reason: w.reason })}</span>
        ))}
      </Box>
    );
  };
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, minWidth: 320 }} aria-label={translate('kindling.matching.explanation')}>
      {proposal.explanation.map((part) => {
        const criterion = translate(`kindling.matching.criteria.${part.criterion}`);
        const fit = Math.max(0, Math.min(1, part.score));
        return (
          <Box
            component="li"
            key={part.criterion}
            sx={{ display: 'grid', gridTemplateColumns: '100px 64px 1fr', alignItems: 'center', columnGap: 1, py: 0.25 }}
            title={translate('kindling.matching.shareOfScore', { share: percent(part.contribution) })}
          >
            <Typography variant="caption" noWrap>
              {criterion}
            </Typography>
            <Box
              role="meter"
              aria-label={translate('kindling.matching.fitOf', { criterion })}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(fit * 100)}
              aria-valuetext={percent(fit)}
              sx={{ bgcolor: 'action.hover', height: 8, borderRadius: 1 }}
            >
              <Box sx={{ bgcolor: fit >= 0.5 ? 'primary.main' : 'warning.main', height: 8, borderRadius: 1, width: `${fit * 100}%` }} />
            </Box>
            <Typography variant="caption" color="text.secondary">
              {because(part)}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}

type Part = RunProposal['explanation'][number];

/** A criterion's fit in words, from the facts the run recorded (or, for older runs and criteria without facts, the fit). */
function useReason() {
  const translate = useTranslate();
  const { percent, number, list, languageName } = useFormat();
  const focusArea = useFocusAreaLabel();
  const t = (key: string, args?: Record<string, unknown>) => translate(`kindling.matching.why.${key}`, args);
  return (part: Part): string => {
    const facts = part.facts;
    const fit = part.score;
    switch (part.criterion) {
      case 'LANGUAGE':
        return facts && facts.shared.length > 0 ? t('language', { languages: list(facts.shared.map(languageName)) }) : t('noLanguage');
      case 'SKILLS':
        if (!facts || facts.sought == null) break;
        return facts.shared.length > 0
          ? t('skills', { matched: facts.matched ?? 0, sought: facts.sought, skills: list(facts.shared) })
          : t('noSkills', { sought: facts.sought });
      case 'REASONS': {
        if (!facts || facts.sought == null) break;
        const hidden = (facts.matched ?? 0) - facts.sharedFocusAreas.length;
        const named = facts.sharedFocusAreas.map(focusArea);
        if (hidden > 0) named.push(t('notShown', { smart_count: hidden }));
        return (facts.matched ?? 0) > 0
          ? t('focusAreas', { matched: facts.matched ?? 0, sought: facts.sought, areas: list(named) })
          : t('noFocusAreas', { sought: facts.sought });
      }
      case 'TIME_ZONE':
        if (facts?.hoursApart == null) break;
        return facts.hoursApart === 0
          ? t('sameTimeZone')
          : t('hoursApart', { hours: number(facts.hoursApart, facts.hoursApart % 1 ? 1 : 0) });
      case 'LOCATION':
        if (!facts?.mentee || !facts.mentor) break;
        return fit >= 1 ? t('sameCity', { city: facts.mentor }) : t('otherCity', { mentee: facts.mentee, mentor: facts.mentor });
      case 'DEPARTMENT':
        if (!facts?.mentee || !facts.mentor) break;
        return facts.mentee.toLowerCase() === facts.mentor.toLowerCase()
          ? t('sameDepartment', { department: facts.mentor })
          : t('otherDepartment', { mentee: facts.mentee, mentor: facts.mentor });
      case 'SENIORITY':
        return t(fit >= 1 ? 'seniorityIdeal' : fit > 0 ? 'seniorityNear' : 'seniorityNone');
      case 'AVAILABILITY':
        return t(fit >= 0.8 ? 'availabilitySimilar' : 'availabilityDiffers', { fit: percent(fit) });
      case 'SHORTLIST':
        return t(fit >= 1 ? 'shortlisted' : 'notShortlisted');
      case 'SPONSORSHIP':
        return t(fit >= 1 ? 'sponsors' : 'noSponsor');
    }
    return t('fit', { fit: percent(fit) });
  };
}

function Proposals({ run, programId, words }: { run: MatchingRunRecord; programId: string; words: RoleWords }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<KindlingDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const describe = useMatchingError();
  const { percent } = useFormat();
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<RunProposal | null>(null);
  const t = (key: string, args?: Record<string, unknown>) => translate(`kindling.matching.${key}`, args);
  const decidable = (proposal: RunProposal) => !run.dryRun && proposal.status === 'PROPOSED';
  const open = run.proposals.filter(decidable);

  const reload = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: runKey(run.id) }),
      queryClient.invalidateQueries({ queryKey: runsKey(programId) }),
    ]);

  const approve = async (proposals: RunProposal[]) => {
    setBusy(true);
    let approved = 0;
    const failures: string[] = [];
    for (const proposal of proposals) {
      try {
        await dataProvider.decideProposal(proposal, 'APPROVE');
        approved += 1;
      } catch (error) {
        failures.push(`${proposal.menteeName} – ${proposal.mentorName}: ${describe(error)}`);
      }
    }
    setSelected([]);
    await reload();
    setBusy(false);
    if (approved > 0) notify('kindling.matching.approved', { type: 'success', messageArgs: { smart_count: approved } });
    if (failures.length > 0) notify(failures.join('\n'), { type: 'warning', multiLine: true });
  };

  const setRule = async (proposal: RunProposal, kind: PairRuleKind) => {
    if (!proposal.mentee || !proposal.mentor) return;
    try {
      await dataProvider.setPairRule(programId, proposal.mentee.id, proposal.mentor.id, kind);
      notify(kind === 'BLOCK' ? 'kindling.matching.blocked' : 'kindling.matching.pinned', {
        type: 'info',
        messageArgs: { mentee: proposal.menteeName, mentor: proposal.mentorName },
      });
    } catch (error) {
      notify(describe(error), { type: 'error' });
    }
    await queryClient.invalidateQueries({ queryKey: rulesKey(programId) });
  };

  const toggle = (id: string) => setSelected((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 2 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t('proposals', { count: run.proposals.length })}
        </Typography>
        {!run.dryRun && (
          <Button
            variant="contained"
            size="small"
            startIcon={<CheckIcon />}
            disabled={busy || selected.length === 0}
            onClick={() => approve(open.filter((p) => selected.includes(p.id)))}
          >
            {t('approveSelected', { count: selected.length })}
          </Button>
        )}
      </Stack>
      {busy && <LinearProgress sx={{ my: 1 }} />}
      {run.proposals.length === 0 ? (
        <Typography color="text.secondary">{t('noProposals')}</Typography>
      ) : (
        <Table size="small" aria-label={t('proposalsLabel')}>
          <TableHead>
            <TableRow>
              {!run.dryRun && (
                <TableCell padding="checkbox">
                  <Checkbox
                    size="small"
                    disabled={open.length === 0}
                    checked={open.length > 0 && selected.length === open.length}
                    indeterminate={selected.length > 0 && selected.length < open.length}
                    onChange={(event) => setSelected(event.target.checked ? open.map((p) => p.id) : [])}
                    slotProps={{ input: { 'aria-label': t('selectAll') } }}
                  />
                </TableCell>
              )}
              {words.peer ? (
                <TableCell>{t('peers')}</TableCell>
              ) : (
                <>
                  <TableCell>{words.of('MENTEE')}</TableCell>
                  <TableCell>{words.of('MENTOR')}</TableCell>
                </>
              )}
              <TableCell align="right">{t('score')}</TableCell>
              <TableCell>{t('explanation')}</TableCell>
              <TableCell>{t('status')}</TableCell>
              <TableCell>{t('actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {run.proposals.map((proposal) => (
              <TableRow key={proposal.id} data-proposal-id={proposal.id}>
                {!run.dryRun && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      size="small"
                      disabled={!decidable(proposal)}
                      checked={selected.includes(proposal.id)}
                      onChange={() => toggle(proposal.id)}
                      slotProps={{ input: { 'aria-label': t('select', { mentee: proposal.menteeName, mentor: proposal.mentorName }) } }}
                    />
                  </TableCell>
                )}
                {words.peer ? (
                  <TableCell data-testid="peer-pair">
                    {[
                      { name: proposal.mentorName, department: proposal.mentor?.department },
                      { name: proposal.menteeName, department: proposal.mentee?.department },
                    ].map((peer) => (
                      <Box key={peer.name} sx={{ mb: 0.5 }}>
                        {peer.name}
                        {peer.department && (
                          <Typography variant="caption" color="text.secondary" component="div">
                            {peer.department}
                          </Typography>
                        )}
                      </Box>
                    ))}
                  </TableCell>
                ) : (
                  <>
                    <TableCell>
                      {proposal.menteeName}
                      {proposal.mentee?.department && (
                        <Typography variant="caption" color="text.secondary" component="div">
                          {proposal.mentee.department}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{proposal.mentorName}</TableCell>
                  </>
                )}
                <TableCell align="right">
                  <Typography variant="h6" component="span">
                    {proposal.score == null ? '—' : percent(proposal.score)}
                  </Typography>
                </TableCell>
                <TableCell>
                  <ScoreBars proposal={proposal} />
                </TableCell>
                <TableCell>
                  <Chip size="small" label={translate(`kindling.matching.statuses.${proposal.status}`)} />
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                    {decidable(proposal) && (
                      <>
                        <Button size="small" color="success" startIcon={<CheckIcon />} disabled={busy} onClick={() => approve([proposal])}>
                          {t('approve')}
                        </Button>
                        <Button size="small" color="error" startIcon={<CloseIcon />} disabled={busy} onClick={() => setRejecting(proposal)}>
                          {t('reject')}
                        </Button>
                      </>
                    )}
                    <Button size="small" startIcon={<PushPinIcon />} onClick={() => setRule(proposal, 'PIN')}>
                      {t('pin')}
                    </Button>
                    <Button size="small" color="warning" startIcon={<BlockIcon />} onClick={() => setRule(proposal, 'BLOCK')}>
                      {t('block')}
                    </Button>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ReasonDialog
        open={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('rejectTitle', { mentee: rejecting?.menteeName ?? '', mentor: rejecting?.mentorName ?? '' })}
        explanation={t('rejectExplanation')}
        reasonLabel={t('rejectReason')}
        confirmLabel={t('reject')}
        color="error"
        icon={<CloseIcon />}
        onConfirm={async (reason) => {
          if (!rejecting) return;
          try {
            await dataProvider.decideProposal(rejecting, 'REJECT', reason);
          } catch (error) {
            throw new Error(describe(error));
          }
          setRejecting(null);
          notify('kindling.matching.rejected', { type: 'info' });
          await reload();
        }}
      />
    </Box>
  );
}

function Unmatched({ run, words }: { run: MatchingRunRecord; words: RoleWords }) {
  const translate = useTranslate();
  const { percent } = useFormat();
  const [all, setAll] = useState(false);
  const t = (key: string, args?: Record<string, unknown>) => translate(`kindling.matching.${key}`, args);
  const shown = all ? run.unmatched : run.unmatched.slice(0, UNMATCHED_SHOWN);
  return (
    <Box>
      <Typography variant="subtitle1" sx={{ mt: 3, fontWeight: 600 }}>
        {t('unmatched', { count: run.unmatched.length })}
      </Typography>
      {run.unmatched.length === 0 ? (
        <Typography color="text.secondary">{t(words.peer ? 'allPaired' : 'allMatched')}</Typography>
      ) : (
        <Table size="small" aria-label={t('unmatchedLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{words.of('MENTEE')}</TableCell>
              <TableCell>{t('reason')}</TableCell>
              <TableCell>{t('detail')}</TableCell>
              <TableCell>{t('fix')}</TableCell>
              <TableCell align="right">{t('bestScore')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((left, index) => (
              <TableRow key={left.mentee?.id ?? index}>
                <TableCell>{left.mentee?.displayName ?? '—'}</TableCell>
                <TableCell>
                  <Chip size="small" color="warning" variant="outlined" label={translate(`kindling.matching.reasons.${left.reason}`)} />
                  {left.reason === 'CIRCLE_NOT_OPENED' && (
                    <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
                      {translate('kindling.matching.circles.notOpenedHelp')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{left.detail}</TableCell>
                <TableCell>{left.fix ?? '—'}</TableCell>
                <TableCell align="right">{left.bestScore == null ? '—' : percent(left.bestScore)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {shown.length < run.unmatched.length && (
        <Button size="small" onClick={() => setAll(true)}>
          {t('showAllUnmatched', { count: run.unmatched.length })}
        </Button>
      )}
    </Box>
  );
}

function FairnessTable({ title, groups, who }: { title: string; groups: Group[]; who: string }) {
  const translate = useTranslate();
  const { percent } = useFormat();
  const t = (key: string) => translate(`kindling.matching.${key}`);
  const rates = groups.map((g) => g.matchRate);
  const lowest = rates.length > 1 ? Math.min(...rates) : null;
  return (
    <Box sx={{ flex: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{t('group')}</TableCell>
            <TableCell align="right">{who}</TableCell>
            <TableCell align="right">{t('matched')}</TableCell>
            <TableCell>{t('matchRate')}</TableCell>
            <TableCell align="right">{t('averageScore')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {groups.map((group) => {
            const worst = lowest !== null && group.matchRate === lowest && lowest < Math.max(...rates);
            return (
              <TableRow key={group.group}>
                <TableCell>{group.group}</TableCell>
                <TableCell align="right">{group.mentees}</TableCell>
                <TableCell align="right">{group.matched}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <LinearProgress
                      variant="determinate"
                      value={group.matchRate * 100}
                      color={worst ? 'warning' : 'primary'}
                      sx={{ width: 80, height: 6, borderRadius: 1 }}
                    />
                    <Typography variant="caption">{percent(group.matchRate)}</Typography>
                    {worst && (
                      <Typography variant="caption" color="warning.main">
                        {t('lowest')}
                      </Typography>
                    )}
                  </Stack>
                </TableCell>
                <TableCell align="right">{group.averageScore == null ? '—' : percent(group.averageScore)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
