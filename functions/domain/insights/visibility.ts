/**
 * The insights' types in the one visibility map (domain/visibility.ts spreads this in): every
 * figure is MANAGER_ONLY; participants never see them (ADR 0049). Kept here so the map's owner
 * file changes by one line.
 */
const manager = (...fields: string[]) => ({ fields: Object.fromEntries(fields.map((f) => [f, 'MANAGER_ONLY' as const])) });

export const INSIGHTS_VISIBILITY = {
  Interval: manager('estimate', 'low', 'high'),
  RetentionPoint: manager('month', 'atRisk', 'survival', 'low', 'high'),
  RetentionGroup: manager(
    'group',
    'n',
    'suppressed',
    'exits',
    'personYears',
    'promotions',
    'promotionsPerPersonYear',
    'retention12',
    'curve',
  ),
  ComparisonMatching: manager('strata', 'matchedMentees', 'unmatchedMentees', 'pool'),
  ExitReasonCount: manager('code', 'label', 'count', 'share', 'focusAreas'),
  ExitReasonFigures: manager('leavers', 'suppressed', 'reasons', 'unmapped', 'windowStart', 'windowEnd'),
  FocusGap: manager('focusArea', 'leaverShare', 'menteeShare', 'inProgram'),
  RetentionSuggestion: manager('exitReason', 'label', 'leaverShare', 'focusAreas', 'menteeShare', 'offered'),
  RetentionInsights: manager(
    'computedAt',
    'asOf',
    'exits',
    'minimumGroupSize',
    'employees',
    'groups',
    'difference12',
    'hazardRatio',
    'matching',
    'exitReasons',
    'focus',
    'suggestion',
    'csv',
  ),
  ExitReasonDefinition: manager('code', 'labelEn', 'labelNl', 'focusAreas', 'keywords'),
  ExitKeywordRule: manager('keyword', 'code'),
  ExitReasonTaxonomy: manager('reasons', 'rules', 'version', 'updatedAt'),
  JobChange: manager('on', 'kind'),
  Employment: manager('hireDate', 'leaveDate', 'leaveType', 'level', 'jobChanges', 'exitReasonsRecorded', 'updatedAt'),
};
