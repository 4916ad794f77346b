import { Box, Button, Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useSearchParams } from 'react-router-dom';
import { useDeskText } from '../i18n';
import type { QueueFilters } from '../lib/api';
import { PERMISSIONS } from '../routes';
import { AuditTrail } from './AuditTrail';
import { isTab, Queue } from './Queue';

const FILTER_NAMES = ['article', 'flag', 'reason', 'from', 'to', 'q'] as const;

/** The filters live in the address (`?tab=rejected&q=…&article=…`), so a view can be linked to. */
function useFilters(): [QueueFilters, (patch: Partial<QueueFilters>) => void, () => void] {
  const [search, setSearch] = useSearchParams();
  const filters = React.useMemo<QueueFilters>(() => {
    const tab = search.get('tab');
    const page = Number(search.get('page'));
    const value: QueueFilters = {
      tab: isTab(tab) ? tab : 'pending',
      page: Number.isInteger(page) && page > 0 ? page : 1,
    };
    for (const name of FILTER_NAMES) {
      const found = search.get(name);
      if (found) value[name] = found;
    }
    return value;
  }, [search]);
  const update = React.useCallback(
    (patch: Partial<QueueFilters>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch)) {
            if (value === undefined || value === '' || (name === 'page' && value === 1)) next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  const clear = React.useCallback(
    () =>
      setSearch(
        (current) => {
          const next = new URLSearchParams();
          const tab = current.get('tab');
          if (tab) next.set('tab', tab);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [filters, update, clear];
}

/**
 * The moderation desk ("بررسی نظرات"): the queue and the audit trail. Right to left, in the
 * Persian font the admin ships, when the interface is Persian.
 */
function Desk() {
  const { t, language } = useDeskText();
  const [filters, update, clear] = useFilters();
  const [search, setSearch] = useSearchParams();
  const view = search.get('view') === 'trail' ? 'trail' : 'queue';
  const showView = (next: 'queue' | 'trail') => setSearch(next === 'trail' ? { view: 'trail' } : {}, { replace: true });
  return (
    <div
      dir={language === 'fa' ? 'rtl' : 'ltr'}
      lang={language}
      data-desk="page"
      style={language === 'fa' ? { fontFamily: "Vazirmatn, 'Noto Sans Arabic', Tahoma, sans-serif" } : undefined}
    >
      <Page.Main>
        <Page.Title>{t('desk.title')}</Page.Title>
        <Layouts.Header
          title={t('desk.title')}
          subtitle={t('desk.subtitle')}
          primaryAction={
            <Flex gap={2}>
              <Button variant={view === 'queue' ? 'default' : 'tertiary'} onClick={() => showView('queue')}>
                {t('view.queue')}
              </Button>
              <Button variant={view === 'trail' ? 'default' : 'tertiary'} onClick={() => showView('trail')}>
                {t('view.trail')}
              </Button>
            </Flex>
          }
        />
        <Layouts.Content>
          <Box paddingBottom={10}>
            {view === 'trail' ? <AuditTrail /> : <Queue filters={filters} onFilters={update} onClearFilters={clear} />}
          </Box>
        </Layouts.Content>
      </Page.Main>
    </div>
  );
}

/** Only holders of the moderate permission reach the desk (the server checks every route again). */
export default function ProtectedDesk() {
  return (
    <Page.Protect permissions={PERMISSIONS.moderate}>
      <Desk />
    </Page.Protect>
  );
}
