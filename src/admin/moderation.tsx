import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowsCounterClockwise, Check, Cross, Message } from '@strapi/icons';
import {
  adminApi,
  type StrapiApp,
  useAuth,
  useFetchClient,
  useForm,
  useNotification,
  useTable,
} from '@strapi/strapi/admin';
import * as React from 'react';
// The moderation plugin's admin text (one hook and one set of translations for every moderation
// view) and its pure helpers.
import { descriptor, type MessageId, useDeskText } from '../plugins/moderation/admin/src/i18n';
import { refusalText } from '../plugins/moderation/admin/src/lib/api';
import { formatDateTime, isolated, listOf } from '../plugins/moderation/admin/src/lib/text';
// Pure modules of the moderation plugin (no server imports), shared with the admin bundle.
import { type CommentFormIssue, commentFormIssue } from '../plugins/moderation/server/src/domain/comment-form';
import {
  isModerationStatus,
  isRejectionReason,
  isScreeningFlag,
  MODERATION_STATUS_LABELS,
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  type RejectionReason,
  SCREENING_FLAG_RULES,
} from '../plugins/moderation/server/src/domain/vocabulary';

/**
 * Moderation in the content manager, for users holding the moderation permissions:
 * - bulk actions on the comment list (approve, reject with a reason, reopen), sent to the
 *   moderation API's all-or-nothing `POST /moderation/comments/bulk` with the admin's token;
 * - a side panel on a comment: who moderated it and when (the relation would show an admin
 *   user's documentId), and what screening found.
 * The server checks the permission again; hiding a button is not access control.
 * Everything is written in the interface language, with the moderation plugin's messages
 * (`cm.*` in src/plugins/moderation/admin/src/translations) and the vocabulary's labels.
 */

const COMMENT_UID = 'api::comment.comment';
const MODERATE = 'api::moderation.moderate';
const READ = 'api::moderation.read';

type BulkAction = 'approve' | 'reject' | 'reopen';

const DONE: Record<BulkAction, MessageId> = {
  approve: 'cm.bulk.done.approve',
  reject: 'cm.bulk.done.reject',
  reopen: 'cm.bulk.done.reopen',
};

// The content manager's extension contracts (its `BulkActionComponent` and `PanelComponent`),
// spelled out here: `@strapi/strapi/admin` does not re-export those types.
type Description = Record<string, unknown> | null;
type BulkActionComponent = (props: {
  model: string;
  collectionType: string;
  documents: { documentId: string }[];
}) => Description;
type PanelComponent = (props: {
  model: string;
  documentId?: string;
  document?: { updatedAt?: string | null };
}) => Description;
type DocumentActionComponent = ((props: { model: string }) => Description) & { type?: string; position?: unknown };

/**
 * Set in `register` (which, unlike `bootstrap`, receives the app itself): the admin app, whose
 * redux store (created later, at render) lets a bulk action refresh the list.
 */
let adminApp: StrapiApp | null = null;
export const rememberAdminApp = (app: StrapiApp) => {
  adminApp = app;
};

function useHasPermission(action: string): boolean {
  const permissions = useAuth('khabar-moderation', (state) => state.permissions);
  return permissions.some((permission) => permission.action === action);
}

/** Runs one bulk action, tells the user, clears the selection and refetches the list. */
function useBulkModeration(documentIds: string[]) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { t, language } = useDeskText();
  const selectRow = useTable('khabar-moderation', (state) => state.selectRow);
  return React.useCallback(
    async (action: BulkAction, extra: { reason?: RejectionReason; note?: string } = {}) => {
      try {
        const note = extra.note?.trim();
        await post('/moderation/comments/bulk', {
          action,
          documentIds,
          ...(extra.reason ? { reason: extra.reason } : {}),
          ...(note ? { note } : {}),
        });
        toggleNotification({ type: 'success', message: t(DONE[action], { count: documentIds.length }) });
        selectRow([]);
        refreshCommentList();
        return true;
      } catch (error) {
        // The moderation API's own sentence for the refusal, in the interface language.
        toggleNotification({ type: 'danger', message: refusalText(error, language, t('error')) });
        return false;
      }
    },
    [documentIds, post, selectRow, toggleNotification, t, language],
  );
}

/** The content manager caches its lists in the admin's RTK Query store under these tags. */
function refreshCommentList() {
  const store = adminApp?.store;
  if (!store) {
    window.location.reload();
    return;
  }
  const tags = [{ type: 'Document', id: `${COMMENT_UID}_LIST` }, 'Document'];
  store.dispatch(adminApi.util.invalidateTags(tags as never) as never);
}

const ApproveAction: BulkActionComponent = ({ model, documents }) => {
  const allowed = useHasPermission(MODERATE);
  const { t } = useDeskText();
  const run = useBulkModeration(documents.map((document) => document.documentId));
  if (model !== COMMENT_UID || !allowed) return null;
  return {
    label: t('cm.bulk.approve'),
    icon: <Check />,
    variant: 'success-light',
    dialog: {
      type: 'dialog',
      title: t('cm.bulk.approve.title'),
      content: t('bulk.confirm.approve', { count: documents.length }),
      confirmLabel: t('cm.bulk.approve'),
      onConfirm: async () => {
        await run('approve');
      },
    },
  };
};

const ReopenAction: BulkActionComponent = ({ model, documents }) => {
  const allowed = useHasPermission(MODERATE);
  const { t } = useDeskText();
  const run = useBulkModeration(documents.map((document) => document.documentId));
  if (model !== COMMENT_UID || !allowed) return null;
  return {
    label: t('cm.bulk.reopen'),
    icon: <ArrowsCounterClockwise />,
    variant: 'tertiary',
    dialog: {
      type: 'dialog',
      title: t('cm.bulk.reopen.title'),
      content: t('bulk.confirm.reopen', { count: documents.length }),
      confirmLabel: t('cm.bulk.reopen'),
      onConfirm: async () => {
        await run('reopen');
      },
    },
  };
};

const RejectAction: BulkActionComponent = ({ model, documents }) => {
  const allowed = useHasPermission(MODERATE);
  const { t } = useDeskText();
  const run = useBulkModeration(documents.map((document) => document.documentId));
  if (model !== COMMENT_UID || !allowed) return null;
  return {
    label: t('cm.bulk.reject'),
    icon: <Cross />,
    variant: 'danger-light',
    dialog: {
      type: 'modal',
      title: documents.length === 1 ? t('reject.title') : t('reject.titleMany', { count: documents.length }),
      content: ({ onClose }: { onClose: () => void }) => <RejectForm onClose={onClose} run={run} />,
    },
  };
};

function RejectForm({
  onClose,
  run,
}: {
  onClose: () => void;
  run: (action: BulkAction, extra: { reason?: RejectionReason; note?: string }) => Promise<boolean>;
}) {
  const { t, label } = useDeskText();
  const [reason, setReason] = React.useState<RejectionReason | ''>('');
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [missing, setMissing] = React.useState(false);
  const submit = async () => {
    if (!reason) {
      setMissing(true);
      return;
    }
    setBusy(true);
    const done = await run('reject', { reason, note });
    setBusy(false);
    if (done) onClose();
  };
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root name="rejectionReason" required error={missing ? t('cm.reject.missing') : undefined}>
            <Field.Label>{t('reject.reason')}</Field.Label>
            <SingleSelect
              placeholder={t('cm.reject.choose')}
              value={reason}
              onChange={(value: string | number) => {
                setReason(value as RejectionReason);
                setMissing(false);
              }}
            >
              {REJECTION_REASONS.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {label(REJECTION_REASON_LABELS[value])}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
          <Field.Root name="moderationNote" hint={t('cm.reject.noteHint')}>
            <Field.Label>{t('cm.reject.note')}</Field.Label>
            <Textarea
              value={note}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
            />
            <Field.Hint />
          </Field.Root>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button variant="danger" loading={busy} onClick={submit}>
          {t('reject.confirm')}
        </Button>
      </Modal.Footer>
    </>
  );
}

interface ModerationView {
  moderationStatus: string;
  rejectionReason: string | null;
  moderatedAt: string | null;
  moderatedBy: { firstname?: string | null; lastname?: string | null } | null;
  screening: { flags?: string[]; suggestedReason?: string | null; language?: string } | null;
}

/** The edit view's side panel on a comment: the moderation record, readable. */
const ModerationPanel: PanelComponent = ({ model, documentId, document }) => {
  const allowed = useHasPermission(READ);
  const { t } = useDeskText();
  const show = model === COMMENT_UID && allowed && Boolean(documentId);
  // Mounted anew after each save (the saved document's updatedAt changes), so it reads the new record.
  const content = <ModerationSummary key={document?.updatedAt ?? ''} documentId={documentId as string} />;
  return show ? { title: t('cm.panel.title'), content } : null;
};

function ModerationSummary({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const { t, label, language, dir } = useDeskText();
  const [view, setView] = React.useState<ModerationView | null>(null);
  React.useEffect(() => {
    let current = true;
    get<{ data: ModerationView }>(`/moderation/comments/${documentId}`)
      .then((response) => {
        if (current) setView(response.data.data);
      })
      .catch(() => {
        if (current) setView(null);
      });
    return () => {
      current = false;
    };
  }, [documentId, get]);
  if (!view) return null;
  const by = view.moderatedBy
    ? [view.moderatedBy.firstname, view.moderatedBy.lastname].filter(Boolean).join(' ')
    : null;
  const status = isModerationStatus(view.moderationStatus)
    ? label(MODERATION_STATUS_LABELS[view.moderationStatus])
    : view.moderationStatus;
  const flags = (view.screening?.flags ?? []).map((flag) =>
    isScreeningFlag(flag) ? label(SCREENING_FLAG_RULES[flag].label) : flag,
  );
  const suggested = view.screening?.suggestedReason;
  // Solar Hijri with Persian digits in Persian, as the desk writes dates.
  const date = formatDateTime(view.moderatedAt, language);
  return (
    <Box width="100%" dir={dir} data-khabar="moderation-panel">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega">{t('cm.panel.status', { status })}</Typography>
        <Typography variant="omega">
          {!view.moderatedAt
            ? t('cm.panel.notReviewed')
            : by
              ? t('cm.panel.moderatedBy', { who: isolated(by), date })
              : // No moderator: screening rejected it, or readers' reports sent it back to the queue.
                t('cm.panel.moderatedAutomatically', { date })}
        </Typography>
        <Typography variant="omega">
          {flags.length > 0 ? t('cm.panel.flags', { flags: listOf(flags, language) }) : t('cm.panel.flags.none')}
        </Typography>
        {suggested ? (
          <Typography variant="omega">
            {t('card.suggested', {
              reason: isRejectionReason(suggested) ? label(REJECTION_REASON_LABELS[suggested]) : suggested,
            })}
          </Typography>
        ) : null}
      </Flex>
    </Box>
  );
}

/**
 * The pending queue, oldest first, one click from the main navigation: a link to the content
 * manager's comment list with the status filter and sort set (the list's own default sort is
 * oldest first too, see src/bootstrap/admin-layouts.ts).
 */
export const QUEUE_PATH =
  'content-manager/collection-types/api::comment.comment?page=1&pageSize=20&sort=createdAt:ASC&filters[$and][0][moderationStatus][$eq]=pending';

export function registerModerationMenu(app: StrapiApp) {
  rememberAdminApp(app);
  app.addMenuLink({
    to: QUEUE_PATH,
    icon: Message,
    intlLabel: descriptor('cm.menu.queue'),
    permissions: [{ action: READ, subject: null }] as never,
    position: 2,
  } as never);
}

const FORM_ISSUE_TEXT: Record<CommentFormIssue['code'], MessageId> = {
  moderation_reason_required: 'cm.form.reasonRequired',
  moderation_fields_need_transition: 'cm.form.needsTransition',
};

/**
 * The content manager's Save, with the moderation rules checked first on a comment
 * (`commentFormIssue`): a refusal is shown on its field and the form keeps what the moderator
 * chose. (After a refusal from the server, Strapi's edit view puts the stored values back.)
 */
function withCommentFormCheck(Update: DocumentActionComponent): DocumentActionComponent {
  const CheckedUpdate: DocumentActionComponent = (props) => {
    const description = Update(props);
    const values = useForm('khabar-comment-save', (state) => state.values) as Record<string, unknown>;
    const initialValues = useForm('khabar-comment-save', (state) => state.initialValues) as Record<string, unknown>;
    const setErrors = useForm('khabar-comment-save', (state) => state.setErrors);
    const { toggleNotification } = useNotification();
    const { t } = useDeskText();
    if (props.model !== COMMENT_UID || !description) return description;
    const onClick = description.onClick as ((event: unknown) => unknown) | undefined;
    return {
      ...description,
      onClick: (event: unknown) => {
        const issue = commentFormIssue(values, initialValues);
        if (issue) {
          const text = t(FORM_ISSUE_TEXT[issue.code]);
          setErrors({ [issue.field]: text });
          toggleNotification({ type: 'danger', message: text });
          return false;
        }
        return onClick?.(event);
      },
    };
  };
  CheckedUpdate.type = Update.type;
  CheckedUpdate.position = Update.position;
  return CheckedUpdate;
}

/** Registers the moderation actions and panel with the content manager. */
export function registerModerationAdmin(app: StrapiApp) {
  const contentManager = app.getPlugin('content-manager') as unknown as {
    apis: {
      addBulkAction(actions: BulkActionComponent[]): void;
      addEditViewSidePanel(panels: PanelComponent[]): void;
      addDocumentAction(reducer: (actions: DocumentActionComponent[]) => DocumentActionComponent[]): void;
    };
  };
  contentManager.apis.addDocumentAction((actions) =>
    actions.map((action) => (action.type === 'update' ? withCommentFormCheck(action) : action)),
  );
  contentManager.apis.addBulkAction([ApproveAction, RejectAction, ReopenAction]);
  contentManager.apis.addEditViewSidePanel([ModerationPanel]);
}
