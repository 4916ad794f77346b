import { Box, Button, Checkbox, Dialog, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import {
  MODERATION_STATUS_LABELS,
  type ModerationStatus,
  type RejectionReason,
} from '../../../server/src/domain/vocabulary';
import { CommentCard } from '../components/CommentCard';
import { Filters } from '../components/Filters';
import { RejectDialog } from '../components/RejectDialog';
import { Shortcuts } from '../components/Shortcuts';
import { useDeskText } from '../i18n';
import {
  type DeskComment,
  type DeskEvent,
  type EventsPage,
  type ModerationAction,
  type QueueFilters,
  type QueuePage,
  queueParams,
  refusalText,
  type StatusCounts,
} from '../lib/api';
import { commandOf, isTypingTarget } from '../lib/keys';
import { formatNumber } from '../lib/text';

const TABS = ['pending', 'approved', 'rejected', 'all'] as const;
type Tab = (typeof TABS)[number];

const STATUS_AFTER: Record<ModerationAction, ModerationStatus> = {
  approve: 'approved',
  reject: 'rejected',
  reopen: 'pending',
};

interface Pending {
  /** The comments a reject dialog or a bulk confirmation is about. */
  ids: string[];
  kind: 'reject' | 'approve' | 'reopen';
  suggested: RejectionReason | null;
}

export interface QueueProps {
  filters: QueueFilters;
  onFilters(patch: Partial<QueueFilters>): void;
  onClearFilters(): void;
}

/**
 * The queue: tabs by status with their counts, filters, one card per comment, and the keyboard.
 * An action leaves the list at once (the next comment takes the focus) and the counts follow
 * from the server without a reload; a refused action puts the page back as the server has it.
 */
export function Queue({ filters, onFilters, onClearFilters }: QueueProps) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { t, label, language } = useDeskText();
  const [comments, setComments] = React.useState<DeskComment[]>([]);
  const [counts, setCounts] = React.useState<StatusCounts | null>(null);
  const [total, setTotal] = React.useState(0);
  const [totalIsCapped, setTotalIsCapped] = React.useState(false);
  const [pageCount, setPageCount] = React.useState(1);
  const [loading, setLoading] = React.useState(true);
  const [focus, setFocus] = React.useState(0);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [busy, setBusy] = React.useState<Set<string>>(new Set());
  const [pending, setPending] = React.useState<Pending | null>(null);
  const [histories, setHistories] = React.useState<Record<string, DeskEvent[]>>({});
  const [announcement, setAnnouncement] = React.useState('');
  const cards = React.useRef(new Map<string, HTMLElement>());
  const searchRef = React.useRef<HTMLInputElement>(null);
  const params = React.useMemo(() => queueParams(filters), [filters]);
  const fetchSeq = React.useRef(0);

  const load = React.useCallback(
    async (keepFocusOn?: string) => {
      const seq = ++fetchSeq.current;
      try {
        const { data } = await get<QueuePage>('/moderation/comments', { params });
        if (seq !== fetchSeq.current) return;
        setComments(data.data);
        setCounts(data.meta.counts);
        setTotal(data.meta.pagination.total);
        setTotalIsCapped(Boolean(data.meta.totalIsCapped));
        setPageCount(Math.max(1, data.meta.pagination.pageCount));
        setFocus((current) => {
          const index = keepFocusOn ? data.data.findIndex((item) => item.documentId === keepFocusOn) : -1;
          return index >= 0 ? index : Math.min(current, Math.max(0, data.data.length - 1));
        });
      } catch (error) {
        if (seq === fetchSeq.current) {
          toggleNotification({ type: 'danger', message: refusalText(error, language, t('error')) });
        }
      } finally {
        if (seq === fetchSeq.current) setLoading(false);
      }
    },
    [get, params, toggleNotification, language, t],
  );

  React.useEffect(() => {
    setLoading(true);
    setFocus(0);
    setSelected(new Set());
    load();
  }, [load]);

  /** After an action: the counts and the current tab's total, from the server (one small page). */
  const refreshCounts = React.useCallback(async () => {
    try {
      const { data } = await get<QueuePage>('/moderation/comments', {
        params: { ...params, pageSize: '1', page: '1' },
      });
      setCounts(data.meta.counts);
      setTotal(data.meta.pagination.total);
    } catch {
      // The next load shows the truth; a failed count refresh is not worth an alert.
    }
  }, [get, params]);

  const focused = comments[focus] as DeskComment | undefined;

  // The focused comment's decisions, from the audit trail, once per comment.
  React.useEffect(() => {
    const documentId = focused?.documentId;
    if (!documentId || histories[documentId]) return;
    let cancelled = false;
    get<EventsPage>('/moderation/events', { params: { comment: documentId, pageSize: '20' } })
      .then(({ data }) => {
        if (!cancelled) setHistories((current) => ({ ...current, [documentId]: data.data }));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [focused?.documentId, histories, get]);

  // The focused card has the keyboard focus and stays in view.
  React.useEffect(() => {
    if (!focused) return;
    const element = cards.current.get(focused.documentId);
    if (element && !isTypingTarget(document.activeElement)) {
      element.focus({ preventScroll: true });
      element.scrollIntoView({ block: 'nearest' });
    }
  }, [focused]);

  const act = React.useCallback(
    async (ids: string[], action: ModerationAction, extra: { reason?: RejectionReason; note?: string } = {}) => {
      if (ids.length === 0) return;
      const to = STATUS_AFTER[action];
      const leaves = filters.tab !== 'all' && filters.tab !== to;
      setBusy((current) => new Set([...current, ...ids]));
      if (leaves) {
        // Out of the list at once: the comment after it is now at the focused index.
        setComments((current) => current.filter((item) => !ids.includes(item.documentId)));
      }
      setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
      const body = { ...(extra.reason ? { reason: extra.reason } : {}), ...(extra.note ? { note: extra.note } : {}) };
      try {
        if (ids.length === 1) {
          const { data } = await post<{ data: DeskComment }>(
            `/moderation/comments/${encodeURIComponent(ids[0] as string)}/${action}`,
            body,
          );
          if (!leaves) {
            setComments((current) => current.map((item) => (item.documentId === ids[0] ? data.data : item)));
          }
          setAnnouncement(t(`done.${action}`));
        } else {
          await post('/moderation/comments/bulk', { action, documentIds: ids, ...body });
          toggleNotification({
            type: 'success',
            message: t('bulk.done', { count: ids.length }),
          });
          if (!leaves) await load(focused?.documentId);
        }
        setHistories((current) => {
          const next = { ...current };
          for (const id of ids) delete next[id];
          return next;
        });
        await refreshCounts();
      } catch (error) {
        toggleNotification({ type: 'danger', message: refusalText(error, language, t('error')) });
        await load();
      } finally {
        setBusy((current) => new Set([...current].filter((id) => !ids.includes(id))));
      }
    },
    [filters.tab, post, t, toggleNotification, language, load, refreshCounts, focused?.documentId],
  );

  // When the page has been worked through, the next one comes in.
  React.useEffect(() => {
    if (!loading && comments.length === 0 && total > 0 && busy.size === 0) load();
  }, [loading, comments.length, total, busy.size, load]);

  const toggle = React.useCallback((documentId: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(documentId)) next.delete(documentId);
      else next.add(documentId);
      return next;
    });
  }, []);

  const suggestedOf = (comment: DeskComment | undefined) => comment?.screening?.suggestedReason ?? null;

  // The keyboard, read through a ref so one listener always sees the current page.
  const state = React.useRef({ comments, focus, selected, pending, act, toggle });
  state.current = { comments, focus, selected, pending, act, toggle };
  React.useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const current = state.current;
      if (current.pending || isTypingTarget(event.target)) return;
      const command = commandOf(event);
      if (!command) return;
      const comment = current.comments[current.focus];
      event.preventDefault();
      switch (command) {
        case 'next':
          setFocus((index) => Math.min(index + 1, Math.max(0, current.comments.length - 1)));
          break;
        case 'previous':
          setFocus((index) => Math.max(index - 1, 0));
          break;
        case 'approve':
          if (comment && comment.moderationStatus !== 'approved') current.act([comment.documentId], 'approve');
          break;
        case 'reopen':
          if (comment && comment.moderationStatus !== 'pending') current.act([comment.documentId], 'reopen');
          break;
        case 'reject':
          if (comment && comment.moderationStatus !== 'rejected') {
            setPending({ ids: [comment.documentId], kind: 'reject', suggested: suggestedOf(comment) });
          }
          break;
        case 'select':
          if (comment) current.toggle(comment.documentId);
          break;
        case 'approveSelected':
          if (current.selected.size > 0) setPending({ ids: [...current.selected], kind: 'approve', suggested: null });
          break;
        case 'rejectSelected':
          if (current.selected.size > 0) setPending({ ids: [...current.selected], kind: 'reject', suggested: null });
          break;
        case 'search':
          searchRef.current?.focus();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const tabCount = (tab: Tab) => (counts ? formatNumber(tab === 'all' ? counts.total : counts[tab], language) : '…');
  const tabLabel = (tab: Tab) => (tab === 'all' ? t('tab.all') : label(MODERATION_STATUS_LABELS[tab]));
  const articleTitle =
    (filters.article && comments.find((item) => item.article?.documentId === filters.article)?.article?.title) || null;
  const allSelected = comments.length > 0 && comments.every((item) => selected.has(item.documentId));

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        <Box style={{ flex: '1 1 600px', minWidth: 0 }}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <div role="tablist" aria-label={t('view.queue')} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              {TABS.map((tab) => (
                <Button
                  key={tab}
                  role="tab"
                  aria-selected={filters.tab === tab}
                  variant={filters.tab === tab ? 'default' : 'tertiary'}
                  onClick={() => onFilters({ tab, page: 1 })}
                  data-desk-tab={tab}
                >
                  {tabLabel(tab)} <span data-desk="tab-count">({tabCount(tab)})</span>
                </Button>
              ))}
            </div>
            <Filters
              filters={filters}
              articleTitle={articleTitle}
              searchRef={searchRef}
              onChange={onFilters}
              onClear={onClearFilters}
            />
            <Flex gap={3} justifyContent="space-between" wrap="wrap">
              <Flex gap={3}>
                <Checkbox
                  checked={allSelected}
                  disabled={comments.length === 0}
                  onCheckedChange={() =>
                    setSelected(allSelected ? new Set() : new Set(comments.map((item) => item.documentId)))
                  }
                  data-desk="select-page"
                >
                  {t('bulk.selectPage')}
                </Checkbox>
                <Typography variant="pi" textColor="neutral600" data-desk="results">
                  {t(totalIsCapped ? 'results.capped' : 'results', { count: total })}
                </Typography>
              </Flex>
              {selected.size > 0 ? (
                <Flex gap={2} wrap="wrap" data-desk="bulk-bar">
                  <Typography variant="pi" fontWeight="bold">
                    {t('bulk.selected', { count: selected.size })}
                  </Typography>
                  <Button
                    variant="success"
                    size="S"
                    onClick={() => setPending({ ids: [...selected], kind: 'approve', suggested: null })}
                  >
                    {t('bulk.approve')}
                  </Button>
                  <Button
                    variant="danger-light"
                    size="S"
                    onClick={() => setPending({ ids: [...selected], kind: 'reject', suggested: null })}
                  >
                    {t('bulk.reject')}
                  </Button>
                  <Button
                    variant="tertiary"
                    size="S"
                    onClick={() => setPending({ ids: [...selected], kind: 'reopen', suggested: null })}
                  >
                    {t('bulk.reopen')}
                  </Button>
                  <Button variant="ghost" size="S" onClick={() => setSelected(new Set())}>
                    {t('bulk.clear')}
                  </Button>
                </Flex>
              ) : null}
            </Flex>
            <div
              aria-live="polite"
              data-desk="announcement"
              style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden' }}
            >
              {announcement}
            </div>
            {loading ? (
              <Typography textColor="neutral600">…</Typography>
            ) : comments.length === 0 ? (
              <Box padding={8} background="neutral0" hasRadius data-desk="empty">
                <Typography variant="beta" textColor="neutral600">
                  {filters.tab === 'pending' && total === 0 ? t('empty.pending') : t('empty')}
                </Typography>
              </Box>
            ) : (
              <Flex direction="column" alignItems="stretch" gap={3} data-desk="cards">
                {comments.map((comment, index) => (
                  <CommentCard
                    key={comment.documentId}
                    ref={(element: HTMLElement | null) => {
                      if (element) cards.current.set(comment.documentId, element);
                      else cards.current.delete(comment.documentId);
                    }}
                    comment={comment}
                    focused={index === focus}
                    selected={selected.has(comment.documentId)}
                    busy={busy.has(comment.documentId)}
                    history={histories[comment.documentId]}
                    onFocus={() => setFocus(index)}
                    onToggleSelect={() => toggle(comment.documentId)}
                    onApprove={() => act([comment.documentId], 'approve')}
                    onReopen={() => act([comment.documentId], 'reopen')}
                    onReject={() =>
                      setPending({ ids: [comment.documentId], kind: 'reject', suggested: suggestedOf(comment) })
                    }
                    onFilterArticle={(article) => onFilters({ article, page: 1 })}
                  />
                ))}
              </Flex>
            )}
            {pageCount > 1 ? (
              <Flex gap={2} justifyContent="center">
                <Button
                  variant="tertiary"
                  disabled={filters.page <= 1}
                  onClick={() => onFilters({ page: filters.page - 1 })}
                >
                  {t('page.previous')}
                </Button>
                <Typography variant="pi">
                  {t('page.of', {
                    page: filters.page,
                    pageCount: pageCount,
                  })}
                </Typography>
                <Button
                  variant="tertiary"
                  disabled={filters.page >= pageCount}
                  onClick={() => onFilters({ page: filters.page + 1 })}
                >
                  {t('page.next')}
                </Button>
              </Flex>
            ) : null}
          </Flex>
        </Box>
        <Box style={{ flex: '0 0 240px', position: 'sticky', top: 16 }}>
          <Shortcuts />
        </Box>
      </Flex>
      {pending?.kind === 'reject' ? (
        <RejectDialog
          count={pending.ids.length}
          suggested={pending.suggested}
          onClose={() => setPending(null)}
          onConfirm={(reason, note) => {
            const ids = pending.ids;
            setPending(null);
            act(ids, 'reject', { reason, note });
          }}
        />
      ) : null}
      {pending && pending.kind !== 'reject' ? (
        <Dialog.Root open onOpenChange={(open: boolean) => !open && setPending(null)}>
          <Dialog.Content>
            {/* The dialog is portalled outside the page: it takes the direction itself. */}
            <div dir={language === 'fa' ? 'rtl' : 'ltr'}>
              <Dialog.Header>{t('bulk.confirm.title', { count: pending.ids.length })}</Dialog.Header>
              <Dialog.Body>
                <Typography dir={language === 'fa' ? 'rtl' : 'ltr'} tag="p">
                  {t(pending.kind === 'approve' ? 'bulk.confirm.approve' : 'bulk.confirm.reopen', {
                    count: pending.ids.length,
                  })}
                </Typography>
              </Dialog.Body>
              <Dialog.Footer>
                <Dialog.Cancel>
                  <Button variant="tertiary">{t('cancel')}</Button>
                </Dialog.Cancel>
                <Dialog.Action>
                  <Button
                    variant={pending.kind === 'approve' ? 'success' : 'default'}
                    data-desk="bulk-confirm"
                    onClick={() => {
                      const { ids, kind } = pending;
                      setPending(null);
                      act(ids, kind);
                    }}
                  >
                    {t('bulk.confirm.go')}
                  </Button>
                </Dialog.Action>
              </Dialog.Footer>
            </div>
          </Dialog.Content>
        </Dialog.Root>
      ) : null}
    </Flex>
  );
}

/** Whether a value of the URL names a tab. */
export const isTab = (value: string | null): value is Tab =>
  value !== null && (TABS as readonly string[]).includes(value);
