import { Badge, Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { Link } from 'react-router-dom';
import {
  isRejectionReason,
  isScreeningFlag,
  MODERATION_ACTION_LABELS,
  MODERATION_STATUS_LABELS,
  REJECTION_REASON_LABELS,
  SCREENING_FLAG_RULES,
} from '../../../server/src/domain/vocabulary';
import { useDeskText } from '../i18n';
import type { DeskComment, DeskEvent } from '../lib/api';
import { arrow, formatDateTime, formatNumber, isolated, markedPieces } from '../lib/text';

const ARTICLE_EDIT = '/content-manager/collection-types/api::article.article';

export interface CardProps {
  comment: DeskComment;
  focused: boolean;
  selected: boolean;
  busy: boolean;
  history: DeskEvent[] | undefined;
  onFocus(): void;
  onToggleSelect(): void;
  onApprove(): void;
  onReject(): void;
  onReopen(): void;
  onFilterArticle(documentId: string, title: string | null): void;
}

/** The text as the reader wrote it, right to left by its own letters, blocklisted words marked. */
function CommentText({ body, spans }: { body: string; spans: [number, number][] }) {
  return (
    <p
      dir="auto"
      data-desk="comment-text"
      // The admin's root font size is 10px: 1.8rem reads as 18px.
      style={{ fontSize: '1.8rem', lineHeight: 1.9, margin: 0, whiteSpace: 'pre-wrap', unicodeBidi: 'plaintext' }}
    >
      {markedPieces(body, spans).map((piece, index) =>
        piece.marked ? (
          <mark key={index} data-desk="blocklisted" style={{ background: '#fdd', color: '#a00', borderRadius: 3 }}>
            {piece.text}
          </mark>
        ) : (
          <React.Fragment key={index}>{piece.text}</React.Fragment>
        ),
      )}
    </p>
  );
}

function AuthorHistoryLine({ comment }: { comment: DeskComment }) {
  const { t, label, language } = useDeskText();
  const history = comment.authorHistory;
  const total = history ? history.approved + history.rejected + history.pending : 0;
  if (!history || total === 0) {
    return (
      <Typography variant="pi" textColor="neutral600" data-desk="author-history">
        {t('card.history.first')}
      </Typography>
    );
  }
  const byReason = Object.entries(history.rejectedByReason ?? {})
    .filter(([reason, count]) => isRejectionReason(reason) && (count ?? 0) > 0)
    .map(
      ([reason, count]) =>
        `${label(REJECTION_REASON_LABELS[reason as keyof typeof REJECTION_REASON_LABELS])}: ${formatNumber(count ?? 0, language)}`,
    );
  return (
    <Box data-desk="author-history">
      <Typography variant="pi" textColor="neutral700">
        {t('card.history.summary', {
          approved: history.approved,
          rejected: history.rejected,
          pending: history.pending,
        })}
        {byReason.length > 0 ? ` (${byReason.join('، ')})` : ''}
      </Typography>
      {history.recent && history.recent.length > 0 ? (
        <details>
          <summary>
            <Typography variant="pi">{t('card.history.recent')}</Typography>
          </summary>
          <ul style={{ margin: 0, paddingInlineStart: 16 }}>
            {history.recent.slice(0, 5).map((item) => (
              <li key={item.documentId}>
                <Typography variant="pi" textColor="neutral600">
                  {label(MODERATION_STATUS_LABELS[item.moderationStatus])} · {formatDateTime(item.createdAt, language)}{' '}
                  · <span dir="auto">{item.body.length > 120 ? `${item.body.slice(0, 120)}…` : item.body}</span>
                </Typography>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Box>
  );
}

function DecisionHistory({ events }: { events: DeskEvent[] | undefined }) {
  const { t, label, language } = useDeskText();
  if (events === undefined) return null;
  return (
    <Box paddingTop={2} data-desk="decisions">
      <Typography variant="sigma" textColor="neutral600">
        {t('card.decisions')}
      </Typography>
      {events.length === 0 ? (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('card.decisions.none')}
        </Typography>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {events.map((event) => (
            <li key={event.id}>
              <Typography variant="pi">
                {formatDateTime(event.occurredAt, language)} ·{' '}
                {event.actorId === null ? t('screening.actor') : event.actorLabel} ·{' '}
                {event.fromStatus ? label(MODERATION_STATUS_LABELS[event.fromStatus]) : t('trail.new')}{' '}
                {arrow(language)} {label(MODERATION_STATUS_LABELS[event.toStatus])}
                {event.reason ? ` · ${label(REJECTION_REASON_LABELS[event.reason])}` : ''}
                {event.note ? ` · «${event.note}»` : ''}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}

export const CommentCard = React.forwardRef<HTMLElement, CardProps>(function CommentCard(props, ref) {
  const { comment, focused, selected, busy } = props;
  const { t, label, language } = useDeskText();
  const flags = (comment.screening?.flags ?? []).filter(isScreeningFlag);
  const suggested = comment.screening?.suggestedReason;
  const moderator = comment.moderatedBy
    ? [comment.moderatedBy.firstname, comment.moderatedBy.lastname].filter(Boolean).join(' ')
    : t('screening.actor');
  return (
    // Clicking a card focuses it; the keyboard moves between cards through the page's shortcuts.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the page handles the keyboard (lib/keys.ts)
    <article
      ref={ref}
      tabIndex={-1}
      data-desk="comment"
      data-document-id={comment.documentId}
      data-status={comment.moderationStatus}
      aria-current={focused ? 'true' : undefined}
      onClick={props.onFocus}
      style={{ outline: 'none', opacity: busy ? 0.5 : 1 }}
    >
      <Box
        background="neutral0"
        hasRadius
        shadow="tableShadow"
        padding={5}
        borderColor={focused ? 'primary600' : 'neutral150'}
        borderStyle="solid"
        borderWidth={focused ? '2px' : '1px'}
      >
        <Flex gap={3} alignItems="flex-start">
          <Box paddingTop={1}>
            <Checkbox
              aria-label={`${t('card.select')}: ${comment.authorName}`}
              checked={selected}
              onCheckedChange={props.onToggleSelect}
            />
          </Box>
          <Flex direction="column" alignItems="stretch" gap={3} flex="1">
            <Flex gap={2} wrap="wrap" justifyContent="space-between">
              <Flex gap={2} wrap="wrap" alignItems="baseline">
                <Typography variant="omega" fontWeight="bold" dir="auto">
                  {comment.authorName}
                </Typography>
                <Typography variant="pi" textColor="neutral600" dir="ltr">
                  {comment.authorEmail ?? t('card.email.none')}
                </Typography>
              </Flex>
              <Typography variant="pi" textColor="neutral600" data-desk="received">
                {formatDateTime(comment.createdAt, language)}
              </Typography>
            </Flex>
            <AuthorHistoryLine comment={comment} />
            {comment.parent ? (
              <Box background="neutral100" padding={3} hasRadius data-desk="parent">
                <Typography variant="pi" textColor="neutral600">
                  {t('card.reply', { name: comment.parent.authorName })}
                </Typography>
                <Typography variant="pi" tag="p" dir="auto">
                  {comment.parent.body.length > 300 ? `${comment.parent.body.slice(0, 300)}…` : comment.parent.body}
                </Typography>
              </Box>
            ) : null}
            <CommentText body={comment.body} spans={comment.blocklistSpans ?? []} />
            {flags.length > 0 || suggested ? (
              <Flex gap={2} wrap="wrap" data-desk="flags">
                {flags.map((flag) => (
                  <Badge key={flag} backgroundColor="warning100" textColor="warning700" data-flag={flag}>
                    {label(SCREENING_FLAG_RULES[flag].label)}
                  </Badge>
                ))}
                {suggested && isRejectionReason(suggested) ? (
                  <Badge backgroundColor="danger100" textColor="danger700" data-desk="suggested">
                    {t('card.suggested', { reason: label(REJECTION_REASON_LABELS[suggested]) })}
                  </Badge>
                ) : null}
              </Flex>
            ) : null}
            <Flex gap={2} wrap="wrap" alignItems="center">
              {comment.article ? (
                <>
                  <Link
                    to={`${ARTICLE_EDIT}/${comment.article.documentId}${comment.article.locale ? `?plugins[i18n][locale]=${comment.article.locale}` : ''}`}
                    data-desk="article-link"
                  >
                    <Typography variant="pi" textColor="primary600" dir="auto">
                      {comment.article.title ?? comment.article.documentId}
                    </Typography>
                  </Link>
                  <Button
                    variant="ghost"
                    size="S"
                    onClick={(event: React.MouseEvent) => {
                      event.stopPropagation();
                      const article = comment.article;
                      if (article) props.onFilterArticle(article.documentId, article.title);
                    }}
                  >
                    {t('filter.byArticle')}
                  </Button>
                </>
              ) : (
                <Typography variant="pi" textColor="neutral600">
                  {t('card.noArticle')}
                </Typography>
              )}
            </Flex>
            {comment.moderationStatus !== 'pending' ? (
              <Box data-desk="decision">
                <Typography
                  variant="pi"
                  textColor={comment.moderationStatus === 'approved' ? 'success600' : 'danger600'}
                >
                  {t('card.decided', {
                    status: label(MODERATION_STATUS_LABELS[comment.moderationStatus]),
                    who: isolated(moderator),
                    date: formatDateTime(comment.moderatedAt, language),
                  })}
                  {comment.rejectionReason
                    ? ` · ${t('card.reason', { reason: label(REJECTION_REASON_LABELS[comment.rejectionReason]) })}`
                    : ''}
                  {comment.moderationNote ? ` · ${t('card.note', { note: comment.moderationNote })}` : ''}
                </Typography>
              </Box>
            ) : null}
            <Flex gap={2}>
              {comment.moderationStatus !== 'approved' ? (
                <Button variant="success" disabled={busy} onClick={props.onApprove} data-desk="approve">
                  {label(MODERATION_ACTION_LABELS.approve)} <kbd>a</kbd>
                </Button>
              ) : null}
              {comment.moderationStatus !== 'rejected' ? (
                <Button variant="danger-light" disabled={busy} onClick={props.onReject} data-desk="reject">
                  {label(MODERATION_ACTION_LABELS.reject)}… <kbd>r</kbd>
                </Button>
              ) : null}
              {comment.moderationStatus !== 'pending' ? (
                <Button variant="tertiary" disabled={busy} onClick={props.onReopen} data-desk="reopen">
                  {label(MODERATION_ACTION_LABELS.reopen)} <kbd>o</kbd>
                </Button>
              ) : null}
            </Flex>
            {focused ? <DecisionHistory events={props.history} /> : null}
          </Flex>
        </Flex>
      </Box>
    </article>
  );
});
