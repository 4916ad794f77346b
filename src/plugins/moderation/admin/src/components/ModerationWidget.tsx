import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import { useDeskText } from '../i18n';
import { DailyChart, type DayFigures } from './DailyChart';

interface DailyStats {
  timeZone: string;
  days: DayFigures[];
  queue: { pending: number };
}

/** The browser's time zone: "today" is the moderator's day, not the server's. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function Figure({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <Flex direction="column" alignItems="center" gap={1} flex="1" data-figure={name}>
      <Typography variant="delta" tag="span">
        {value}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {label}
      </Typography>
    </Flex>
  );
}

/**
 * The home page widget: the queue now, today's figures (received, still pending, approved,
 * rejected; see GET /moderation/stats/daily for what each counts) and the last 14 days.
 */
export function ModerationWidget() {
  const { t, dir, number } = useDeskText();
  const { get } = useFetchClient();
  const [stats, setStats] = React.useState<DailyStats | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let current = true;
    const query = new URLSearchParams({ days: '14', timeZone: browserTimeZone() });
    get<{ data: DailyStats }>(`/moderation/stats/daily?${query}`)
      .then((response) => {
        if (current) setStats(response.data.data);
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [get]);
  if (failed) return <Typography textColor="danger600">{t('widget.failed')}</Typography>;
  if (!stats) return null;
  const today = stats.days[stats.days.length - 1];
  return (
    <Flex direction="column" alignItems="stretch" gap={2} dir={dir} data-khabar="queue-widget">
      <Typography variant="beta" data-khabar="queue-pending">
        {t('widget.queue', { count: stats.queue.pending })}
      </Typography>
      {today ? (
        <Flex direction="column" alignItems="stretch" gap={1} data-khabar="widget-today">
          <Typography variant="sigma" textColor="neutral600">
            {t('widget.today')}
          </Typography>
          <Flex gap={2}>
            <Figure name="received" label={t('widget.received')} value={number(today.received)} />
            <Figure name="pending" label={t('widget.pending')} value={number(today.pending)} />
            <Figure name="approved" label={t('widget.approved')} value={number(today.approved)} />
            <Figure name="rejected" label={t('widget.rejected')} value={number(today.rejected)} />
          </Flex>
        </Flex>
      ) : null}
      <Typography variant="sigma" textColor="neutral600">
        {t('widget.chartTitle', { days: stats.days.length })}
      </Typography>
      <DailyChart days={stats.days} />
    </Flex>
  );
}
