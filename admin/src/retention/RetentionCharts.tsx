import { useTheme } from '@mui/material';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Legend, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/** The Retention page's charts, in a chunk of their own (recharts is large). Every number is written on the chart. */

export interface CurveSeries {
  key: string;
  label: string;
  colour: string;
  points: { month: number; survival: number; low: number; high: number }[];
}

export function RetentionCurves({ series, label }: { series: CurveSeries[]; label: string }) {
  const theme = useTheme();
  const months = Array.from({ length: 25 }, (_, month) => {
    const row: Record<string, number | [number, number] | null> = { month };
    for (const s of series) {
      const p = s.points.find((x) => x.month === month);
      row[s.key] = p ? Math.round(p.survival * 1000) / 10 : null;
      row[`${s.key}Band`] = p ? [Math.round(p.low * 1000) / 10, Math.round(p.high * 1000) / 10] : null;
    }
    return row;
  });
  const lowest = Math.min(100, ...series.flatMap((s) => s.points.map((p) => p.low * 100)));
  return (
    <ResponsiveContainer width="100%" height={320}>
      <ComposedChart data={months} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer aria-label={label}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis dataKey="month" tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
        <YAxis
          domain={[Math.max(0, Math.floor(lowest / 10) * 10), 100]}
          unit=" %"
          tick={{ fill: theme.palette.text.secondary, fontSize: 12 }}
        />
        {series.map((s) => (
          <Area
            key={`${s.key}Band`}
            dataKey={`${s.key}Band`}
            stroke="none"
            fill={s.colour}
            fillOpacity={0.15}
            isAnimationActive={false}
            legendType="none"
            connectNulls={false}
          />
        ))}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            type="stepAfter"
            stroke={s.colour}
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
        <Legend />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export interface ReasonBar {
  code: string;
  label: string;
  count: number;
  share: string;
}

export function ExitReasonBars({ data, label }: { data: ReasonBar[]; label: string }) {
  const theme = useTheme();
  return (
    <ResponsiveContainer width="100%" height={data.length * 36 + 16}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 90, bottom: 4, left: 8 }} accessibilityLayer aria-label={label}>
        <XAxis type="number" hide allowDecimals={false} />
        <YAxis
          type="category"
          dataKey="label"
          width={210}
          tickLine={false}
          axisLine={false}
          tick={{ fill: theme.palette.text.primary, fontSize: 13 }}
        />
        <Bar dataKey="count" fill={theme.palette.secondary.main} radius={[0, 4, 4, 0]} barSize={22} isAnimationActive={false}>
          <LabelList
            dataKey="count"
            position="right"
            formatter={(v: unknown) => {
              const bar = data.find((d) => d.count === v);
              return bar ? `${bar.count} (${bar.share})` : String(v);
            }}
            style={{ fill: theme.palette.text.primary }}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
