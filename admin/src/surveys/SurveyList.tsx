import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import { Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { Link, List, Loading, SelectInput, useCreatePath, useTranslate } from 'react-admin';
import { CardList } from '../layout/CardList.tsx';
import { ListLoadError } from '../layout/errors.tsx';
import { useFormat } from '../layout/format.ts';
import { ListPagination } from '../layout/ListPagination.tsx';
import { NoPrograms, ProgramFilterInput, RememberProgram, useCurrentProgram } from '../programs/currentProgram.tsx';
import type { SurveyRecord } from '../providers/surveys.ts';

/** Rating 1–5 as a bar with its colour and the number in words, so it reads at a glance and to a screen reader. */
function Rating({ rating }: { rating: number }) {
  const translate = useTranslate();
  const color = rating >= 4 ? 'success' : rating === 3 ? 'warning' : 'error';
  const label = translate('kindling.surveys.outOfFive', { rating });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 160 }}>
      <LinearProgress
        variant="determinate"
        value={rating * 20}
        color={color}
        sx={{ flex: 1, height: 8, borderRadius: 4 }}
        aria-label={label}
      />
      <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography>
    </Stack>
  );
}

function SurveyCard({ survey }: { survey: SurveyRecord }) {
  const translate = useTranslate();
  const format = useFormat();
  const createPath = useCreatePath();
  const pair = survey.mentorship;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="article" aria-label={translate(`kindling.surveys.kind.${survey.kind}`)}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
        <Stack spacing={0.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Chip
              size="small"
              color={survey.kind === 'CLOSING' ? 'primary' : 'default'}
              label={translate(`kindling.surveys.kind.${survey.kind}`)}
            />
            <Typography variant="body2" color="text.secondary">
              {translate('kindling.surveys.bySide', { side: translate(`kindling.enrolment.role.${survey.side}`).toLowerCase() })} ·{' '}
              {format.date(survey.submittedAt)}
            </Typography>
          </Stack>
          {pair ? (
            <Link to={createPath({ resource: 'mentorships', id: pair.id, type: 'show' })}>
              {pair.mentorName} & {pair.menteeName}
            </Link>
          ) : (
            <Typography color="text.secondary">{translate('kindling.surveys.pairGone')}</Typography>
          )}
        </Stack>
        <Rating rating={survey.rating} />
      </Stack>
      {survey.outcomes.length > 0 && (
        <Stack
          direction="row"
          spacing={0.5}
          useFlexGap
          sx={{ flexWrap: 'wrap', mt: 1.5 }}
          aria-label={translate('kindling.surveys.outcomes')}
        >
          {survey.outcomes.map((o) => (
            <Chip key={o} size="small" variant="outlined" color="success" label={translate(`kindling.outcomes.${o}`)} />
          ))}
        </Stack>
      )}
      {survey.comment && (
        <Stack direction="row" spacing={1} sx={{ mt: 1.5, color: 'text.secondary' }}>
          <FormatQuoteIcon fontSize="small" aria-hidden />
          <Typography variant="body2">{survey.comment}</Typography>
        </Stack>
      )}
    </Paper>
  );
}

/** A program's survey answers, newest first: ratings as bars, outcomes as chips, comments quoted. */
export function SurveyList() {
  const { programs, program, setProgramId, isPending } = useCurrentProgram();
  const translate = useTranslate();
  if (isPending) return <Loading />;
  if (!program) return <NoPrograms />;
  const filters = [
    <ProgramFilterInput key="programId" source="programId" alwaysOn programs={programs} />,
    <SelectInput
      key="kind"
      source="kind"
      alwaysOn
      label="kindling.surveys.kindLabel"
      emptyText="kindling.surveys.allKinds"
      choices={[
        { id: 'CHECK_IN', name: translate('kindling.surveys.kind.CHECK_IN') },
        { id: 'CLOSING', name: translate('kindling.surveys.kind.CLOSING') },
      ]}
    />,
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ programId: program.id }}
      perPage={10}
      pagination={<ListPagination />}
      exporter={false}
      actions={false}
      error={<ListLoadError />}
      empty={false}
    >
      <RememberProgram onProgram={setProgramId} />
      <CardList<SurveyRecord> placeholderHeight={96} none="kindling.surveys.noneInProgram" noneHelp="kindling.surveys.noneHelp">
        {(survey) => <SurveyCard key={survey.id} survey={survey} />}
      </CardList>
    </List>
  );
}
