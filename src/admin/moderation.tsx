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
// Pure modules of the moderation plugin (no server imports), shared with the admin bundle.
import { type CommentFormIssue, commentFormIssue } from '../plugins/moderation/server/src/domain/comment-form';
import {
  isModerationStatus,
  isRejectionReason,
  isScreeningFlag,
  type Label,
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
 */

const COMMENT_UID = 'api::comment.comment';
const MODERATE = 'api::moderation.moderate';
const READ = 'api::moderation.read';

/** A label of the moderation vocabulary as the (English) admin panel shows it, Persian beside it. */
const bilingual = (label: Label) => `${label.en} (${label.fa})`;

type BulkAction = 'approve' | 'reject' | 'reopen';

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

interface ApiErrorBody {
  error?: { message?: string; details?: { messages?: { en?: string; fa?: string } } };
}

/** The moderation API's own sentence for a refusal, in both languages when it has them. */
function refusalText(error: unknown): string {
  const body = (error as { response?: { data?: ApiErrorBody } })?.response?.data;
  const messages = body?.error?.details?.messages;
  if (messages?.en) return messages.fa ? `${messages.en} — ${messages.fa}` : messages.en;
  return body?.error?.message ?? (error instanceof Error ? error.message : 'The request failed.');
}

/** Runs one bulk action, tells the user, clears the selection and refetches the list. */
function useBulkModeration(documentIds: string[]) {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
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
        toggleNotification({
          type: 'success',
          message: `${documentIds.length} comment${documentIds.length === 1 ? '' : 's'}: ${action} done.`,
        });
        selectRow([]);
        refreshCommentList();
        return true;
      } catch (error) {
        toggleNotification({ type: 'danger', message: refusalText(error) });
        return false;
      }
    },
    [documentIds, post, selectRow, toggleNotification],
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
  const run = useBulkModeration(documents.map((document) => document.documentId));
  if (model !== COMMENT_UID || !allowed) return null;
  return {
    label: 'Approve',
    icon: <Check />,
    variant: 'success-light',
    dialog: {
      type: 'dialog',
      title: 'Approve comments',
      content: `Approve ${documents.length} selected comment(s)? They become public at once.`,
      onConfirm: async () => {
        await run('approve');
      },
    },
  };
};

const ReopenAction: BulkActionComponent = ({ model, documents }) => {
  const allowed = useHasPermission(MODERATE);
  const run = useBulkModeration(documents.map((document) => document.documentId));
  if (model !== COMMENT_UID || !allowed) return null;
  return {
    label: 'Reopen',
    icon: <ArrowsCounterClockwise />,
    variant: 'tertiary',
    dialog: {
      type: 'dialog',
      title: 'Reopen comments',
      content: `Send ${documents.length} selected comment(s) back to the queue (pending)?`,
      onConfirm: async () => {
        await run('reopen');
      },
    },
  };
};

const RejectAction: BulkActionComponent = ({ model, documents }) => {
  const allowed = useHasPermission(MODERATE);
  const run = useBulkModeration(documents.map((document) => document.documentId));
  if (model !== COMMENT_UID || !allowed) return null;
  return {
    label: 'Reject…',
    icon: <Cross />,
    variant: 'danger-light',
    dialog: {
      type: 'modal',
      title: `Reject ${documents.length} comment(s)`,
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
          <Field.Root name="rejectionReason" required error={missing ? 'Choose a reason.' : undefined}>
            <Field.Label>Reason</Field.Label>
            <SingleSelect
              placeholder="Choose a reason"
              value={reason}
              onChange={(value: string | number) => {
                setReason(value as RejectionReason);
                setMissing(false);
              }}
            >
              {REJECTION_REASONS.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {bilingual(REJECTION_REASON_LABELS[value])}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
          <Field.Root name="moderationNote" hint="Optional; kept in the audit trail, never shown to readers.">
            <Field.Label>Note</Field.Label>
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
          Cancel
        </Button>
        <Button variant="danger" loading={busy} onClick={submit}>
          Reject
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
  const show = model === COMMENT_UID && allowed && Boolean(documentId);
  // Mounted anew after each save (the saved document's updatedAt changes), so it reads the new record.
  const content = <ModerationSummary key={document?.updatedAt ?? ''} documentId={documentId as string} />;
  return show ? { title: 'Moderation', content } : null;
};

function ModerationSummary({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
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
    ? bilingual(MODERATION_STATUS_LABELS[view.moderationStatus])
    : view.moderationStatus;
  const flags = (view.screening?.flags ?? []).map((flag) =>
    isScreeningFlag(flag) ? bilingual(SCREENING_FLAG_RULES[flag].label) : flag,
  );
  const suggested = view.screening?.suggestedReason;
  return (
    <Box width="100%" data-khabar="moderation-panel">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega">Status: {status}</Typography>
        {view.moderatedAt ? (
          <Typography variant="omega">
            Moderated by {by || 'the screening'} on {new Date(view.moderatedAt).toLocaleString()}
          </Typography>
        ) : (
          <Typography variant="omega">Not reviewed yet</Typography>
        )}
        <Typography variant="omega">Screening flags: {flags.length > 0 ? flags.join(', ') : 'none'}</Typography>
        {suggested ? (
          <Typography variant="omega">
            Suggested reason: {isRejectionReason(suggested) ? bilingual(REJECTION_REASON_LABELS[suggested]) : suggested}
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
    intlLabel: { id: 'khabar.moderation.queue', defaultMessage: 'Comment queue' },
    permissions: [{ action: READ, subject: null }] as never,
    position: 2,
  } as never);
}

const FORM_ISSUE_TEXT: Record<CommentFormIssue['code'], string> = {
  moderation_reason_required: 'A rejection needs a reason: choose one, then save.',
  moderation_fields_need_transition:
    'The reason and the note are recorded with a status change. To change them, reopen the comment and review it again.',
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
    if (props.model !== COMMENT_UID || !description) return description;
    const onClick = description.onClick as ((event: unknown) => unknown) | undefined;
    return {
      ...description,
      onClick: (event: unknown) => {
        const issue = commentFormIssue(values, initialValues);
        if (issue) {
          setErrors({ [issue.field]: FORM_ISSUE_TEXT[issue.code] });
          toggleNotification({ type: 'danger', message: FORM_ISSUE_TEXT[issue.code] });
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
