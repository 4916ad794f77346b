import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { MODERATION_STATUS_LABELS, REJECTION_REASON_LABELS } from '../../../server/src/domain/vocabulary';
import { ReasonAndDateFilters } from '../components/ReasonAndDateFilters';
import { useDeskText } from '../i18n';
import { type EventsPage, refusalText } from '../lib/api';
import { arrow, formatDateTime } from '../lib/text';

interface TrailFilters {
  actor?: string;
  reason?: string;
  from?: string;
  to?: string;
  page: number;
}

/** The audit trail: every decision, newest first, by moderator, reason and date. */
export function AuditTrail() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { t, label, language } = useDeskText();
  const [filters, setFilters] = React.useState<TrailFilters>({ page: 1 });
  const [page, setPage] = React.useState<EventsPage | null>(null);

  React.useEffect(() => {
    let cancelled = false;
    const params: Record<string, string> = { page: String(filters.page), pageSize: '50' };
    for (const name of ['actor', 'reason', 'from', 'to'] as const) {
      const value = filters[name];
      if (value) params[name] = value;
    }
    get<EventsPage>('/moderation/events', { params })
      .then(({ data }) => {
        if (!cancelled) setPage(data);
      })
      .catch((error) => {
        if (!cancelled) toggleNotification({ type: 'danger', message: refusalText(error, language, t('error')) });
      });
    return () => {
      cancelled = true;
    };
  }, [filters, get, toggleNotification, language, t]);

  const change = (patch: Partial<TrailFilters>) => setFilters((current) => ({ ...current, page: 1, ...patch }));
  const pageCount = page?.meta.pagination.pageCount ?? 1;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-desk="trail">
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
        <Flex gap={3} wrap="wrap" alignItems="flex-end">
          <Box style={{ flex: '1 1 200px' }}>
            <Field.Root name="actor">
              <Field.Label>{t('trail.moderator')}</Field.Label>
              <SingleSelect
                value={filters.actor ?? ''}
                onChange={(value: string | number) => change({ actor: String(value) || undefined })}
              >
                <SingleSelectOption value="">{t('trail.anyone')}</SingleSelectOption>
                {(page?.meta.actors ?? []).map((actor) => (
                  <SingleSelectOption key={actor.id} value={String(actor.id)}>
                    {actor.label}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <ReasonAndDateFilters
            values={filters}
            reasonLabel={t('trail.reason')}
            namePrefix="trail-"
            onChange={change}
          />
        </Flex>
      </Box>
      {page && page.data.length === 0 ? (
        <Box padding={8} background="neutral0" hasRadius>
          <Typography textColor="neutral600">{t('trail.empty')}</Typography>
        </Box>
      ) : (
        <Table colCount={6} rowCount={(page?.data.length ?? 0) + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('trail.when')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('trail.moderator')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('trail.change')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('trail.reason')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('trail.note')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('trail.comment')}</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {(page?.data ?? []).map((event) => (
              <Tr key={event.id} data-desk="event">
                <Td>
                  <Typography variant="pi">{formatDateTime(event.occurredAt, language)}</Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {event.actorId === null ? t('screening.actor') : event.actorLabel}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {event.fromStatus ? label(MODERATION_STATUS_LABELS[event.fromStatus]) : t('trail.new')}{' '}
                    {arrow(language)} {label(MODERATION_STATUS_LABELS[event.toStatus])}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {event.reason ? label(REJECTION_REASON_LABELS[event.reason]) : ''}
                  </Typography>
                </Td>
                <Td>
                  <Typography variant="pi" dir="auto">
                    {event.note ?? ''}
                  </Typography>
                </Td>
                <Td style={{ maxWidth: 360, whiteSpace: 'normal' }}>
                  <Typography variant="pi" dir="auto">
                    {event.commentExcerpt ?? event.commentDocumentId}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {pageCount > 1 ? (
        <Flex gap={2} justifyContent="center">
          <Button
            variant="tertiary"
            disabled={filters.page <= 1}
            onClick={() => setFilters((current) => ({ ...current, page: current.page - 1 }))}
          >
            {t('page.previous')}
          </Button>
          <Typography variant="pi">{t('page.of', { page: filters.page, pageCount: pageCount })}</Typography>
          <Button
            variant="tertiary"
            disabled={filters.page >= pageCount}
            onClick={() => setFilters((current) => ({ ...current, page: current.page + 1 }))}
          >
            {t('page.next')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
