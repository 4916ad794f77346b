import { Box, Flex, Typography } from '@strapi/design-system';
import { useDeskText } from '../i18n';

export interface DayFigures {
  date: string;
  received: number;
  pending: number;
  approved: number;
  rejected: number;
}

const SERIES = [
  { key: 'received', color: '#8e8ea9' },
  { key: 'approved', color: '#328048' },
  { key: 'rejected', color: '#d02b20' },
] as const;

const WIDTH = 280;
const HEIGHT = 64;

/**
 * The last days as grouped bars (received, approved, rejected), drawn as inline SVG: no chart
 * library for three small series; the dates under it are text, so the bars may stretch to the
 * widget's width. In a Persian interface time runs right to left, as the text does (the dates
 * under the chart follow the flex direction). Each day's group carries its figures as a tooltip and for screen readers.
 */
export function DailyChart({ days }: { days: DayFigures[] }) {
  const { t, language, dir } = useDeskText();
  const dateFormat = new Intl.DateTimeFormat(language === 'fa' ? 'fa-IR' : 'en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const dayLabel = (date: string) => dateFormat.format(new Date(`${date}T12:00:00Z`));
  const highest = Math.max(1, ...days.flatMap((day) => SERIES.map((series) => day[series.key])));
  const slot = WIDTH / Math.max(days.length, 1);
  const bar = Math.max(1, (slot - 4) / SERIES.length);
  const plotHeight = HEIGHT - 1;
  const xOf = (index: number) => (dir === 'rtl' ? WIDTH - (index + 1) * slot : index * slot) + 2;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('widget.chartTitle', { days: days.length })}
        data-khabar="daily-chart"
      >
        <line x1={0} x2={WIDTH} y1={plotHeight} y2={plotHeight} stroke="#dcdce4" />
        {days.map((day, index) => {
          const description = t('widget.chartDay', {
            date: dayLabel(day.date),
            received: day.received,
            approved: day.approved,
            rejected: day.rejected,
          });
          return (
            <g key={day.date} data-date={day.date}>
              <title>{description}</title>
              <rect x={xOf(index) - 2} y={0} width={slot} height={plotHeight} fill="transparent" />
              {SERIES.map((series, position) => {
                const height = (day[series.key] / highest) * (plotHeight - 4);
                const offset = dir === 'rtl' ? SERIES.length - 1 - position : position;
                return (
                  <rect
                    key={series.key}
                    x={xOf(index) + offset * bar}
                    y={plotHeight - height}
                    width={Math.max(bar - 1, 1)}
                    height={height}
                    fill={series.color}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      {days.length > 0 ? (
        <Flex justifyContent="space-between">
          <Typography variant="pi" textColor="neutral600">
            {dayLabel(days[0].date)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {dayLabel(days[days.length - 1].date)}
          </Typography>
        </Flex>
      ) : null}
      <Flex gap={3} justifyContent="center" wrap="wrap">
        {SERIES.map((series) => (
          <Flex key={series.key} gap={1}>
            <Box width="8px" height="8px" style={{ background: series.color, borderRadius: 2 }} />
            <Typography variant="pi" textColor="neutral600">
              {t(`widget.${series.key}`)}
            </Typography>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
