import { useTheme } from '@mui/material';
import { Bar, BarChart, Cell, LabelList, Pie, PieChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Health } from '../generated/graphql.ts';
import { HEALTH_LOOK } from '../mentorships/health.tsx';

/**
 * The dashboard's charts, in a chunk of their own (recharts is the largest thing the console loads):
 * the figures around them show first, the charts follow. Every number is written on or beside its
 * chart, so there are no hover-only tooltips.
 */

export interface HealthBar {
  health: Health;
  label: string;
  count: number;
}

/** Active pairs by health, one coloured bar each, words on the axis; a bar opens the pairs list filtered by it. */
export function HealthChart({ data, onSelect, label }: { data: HealthBar[]; onSelect: (health: Health) => void; label: string }) {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={data.length * 52 + 16}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }} accessibilityLayer aria-label={label}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={130}
          tickLine={false}
          axisLine={false}
          tick={{ fill: theme.palette.text.primary, fontSize: 14 }}
        />
        <Bar
          dataKey="count"
          radius={[0, 4, 4, 0]}
          barSize={32}
          cursor="pointer"
          onClick={(entry) => onSelect((entry.payload as HealthBar).health)}
          isAnimationActive={false}
        >
          {data.map((bar) => (
            <Cell key={bar.health} fill={HEALTH_LOOK[bar.health].colour} />
          ))}
          <LabelList dataKey="count" position="right" style={{ fill: theme.palette.text.primary, fontWeight: 500 }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export interface NamedCount {
  key: string;
  label: string;
  count: number;
}

/** Outcomes the closing surveys name, most often first. */
export function OutcomesChart({ data, label }: { data: NamedCount[]; label: string }) {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={data.length * 36 + 16}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }} accessibilityLayer aria-label={label}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={190}
          tickLine={false}
          axisLine={false}
          tick={{ fill: theme.palette.text.primary, fontSize: 13 }}
        />
        <Bar dataKey="count" fill={theme.palette.primary.main} radius={[0, 4, 4, 0]} barSize={22} isAnimationActive={false}>
          <LabelList dataKey="count" position="right" style={{ fill: theme.palette.text.primary }} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Mentors and mentees as a ring; the legend beside it (in the dashboard) gives the words and numbers. */
export function RolesChart({ data, label, colours }: { data: NamedCount[]; label: string; colours: Record<string, string> }) {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={180}>
      <PieChart accessibilityLayer aria-label={label}>
        <Pie data={data} dataKey="count" nameKey="label" innerRadius={50} outerRadius={80} paddingAngle={2} isAnimationActive={false}>
          {data.map((slice) => (
            <Cell key={slice.key} fill={colours[slice.key] ?? theme.palette.grey[500]} />
          ))}
        </Pie>
      </PieChart>
    </ResponsiveContainer>
  );
}
