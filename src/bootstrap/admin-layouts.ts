import type { Core } from '@strapi/strapi';
import { nonNegativeInteger } from '../lib/environment';
import { shouldApplyListLayout, strapiDefaultListLayout } from '../lib/list-layout';

type Layout = {
  uid: string;
  list?: { columns: string[]; sortBy: string; sortOrder: 'ASC' | 'DESC' };
  readOnly?: string[];
  hidden?: string[];
  /** The field that names an entry in lists, relations and the edit view's header. */
  mainField?: string;
  /** Relation fields shown by a field of their target (in this type's list and form). */
  relationLabels?: Record<string, string>;
  /** Help text under fields of the edit form, worked out at each boot. */
  descriptions?: () => Record<string, string>;
};

/**
 * The rate limits in the settings form say whether the environment overrides them on this
 * server, so a moderator does not edit a number that has no effect.
 */
function rateLimitDescriptions(): Record<string, string> {
  const describe = (variable: string, window: string) => {
    const fixed = nonNegativeInteger(process.env[variable]);
    return fixed === undefined
      ? `Comments one client address may post per ${window}; 0 turns this limit off. The environment variable ${variable} overrides it when set.`
      : `Not in effect on this server: the environment variable ${variable} fixes it at ${fixed}${fixed === 0 ? ' (no limit)' : ''}.`;
  };
  return {
    rateLimitPerMinute: describe('COMMENT_RATE_LIMIT_PER_MINUTE', 'minute'),
    rateLimitPerHour: describe('COMMENT_RATE_LIMIT_PER_HOUR', 'hour'),
  };
}

/**
 * The content manager's views as moderators need them: the comment queue shows status and
 * article and runs oldest first; the audit trail shows when, who, what and why, newest first.
 * The list columns and sort are written over Strapi's default list or over the project's own
 * earlier version (recorded in the core store), never over a list an editor arranged in the
 * admin panel (`shouldApplyListLayout`). Fields only the system writes are shown read-only, and an article's
 * `comments` (managed from each comment, never from the article) is not shown in its form.
 */
/** What Strapi names an entry by when no short text field exists. */
const FALLBACK_MAIN_FIELDS = ['documentId', 'id'];

const LAYOUTS: Layout[] = [
  {
    uid: 'api::comment.comment',
    list: {
      columns: ['id', 'body', 'authorName', 'moderationStatus', 'article', 'createdAt'],
      sortBy: 'createdAt',
      sortOrder: 'ASC',
    },
    relationLabels: { article: 'title' },
    // Set by the moderation service or at submission; the server ignores edits to the first two.
    readOnly: ['moderatedBy', 'moderatedAt', 'ipHash', 'userAgent', 'screening', 'fingerprint', 'parentDocumentId'],
    // The relation can only show an admin user's documentId (the content manager names admin
    // users by no field a role can be granted); the edit view's Moderation panel (src/admin)
    // names the moderator instead.
    hidden: ['moderatedBy'],
  },
  {
    uid: 'plugin::moderation.moderation-event',
    list: {
      columns: ['occurredAt', 'actorLabel', 'fromStatus', 'toStatus', 'reason', 'note', 'commentDocumentId'],
      sortBy: 'occurredAt',
      sortOrder: 'DESC',
    },
    readOnly: ['commentDocumentId', 'fromStatus', 'toStatus', 'reason', 'note', 'actor', 'actorLabel', 'occurredAt'],
  },
  { uid: 'plugin::moderation.moderation-setting', descriptions: rateLimitDescriptions },
  // Strapi picks the first short-text field; an article's title is long text, so it would
  // show the documentId instead.
  { uid: 'api::article.article', hidden: ['comments'], mainField: 'title' },
  // A source's articles are set from each article (the inverse side is read-only on the
  // server, src/document-middlewares/relation-writes.ts): listed by title, not offered for editing.
  { uid: 'api::source.source', relationLabels: { articles: 'title' }, readOnly: ['articles'] },
];

/** Where the list layouts the project last wrote are recorded, per content type. */
const APPLIED_LISTS = { type: 'core', name: 'khabar', key: 'admin_list_layouts' } as const;

export async function ensureAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const store = strapi.store(APPLIED_LISTS);
  const appliedLists = ((await store.get({})) ?? {}) as Record<string, string[]>;
  let appliedChanged = false;
  for (const layout of LAYOUTS) {
    const contentType = strapi.contentType(layout.uid as never);
    const configuration = await contentTypes.findConfiguration(contentType);
    if (!configuration?.layouts) continue;
    const metadatas = configuration.metadatas as Record<
      string,
      { edit: { editable?: boolean; visible?: boolean; mainField?: string }; list: { mainField?: string } }
    >;
    const readOnly = layout.readOnly ?? [];
    const hidden = layout.hidden ?? [];
    const listDone =
      !layout.list ||
      !shouldApplyListLayout({
        current: configuration.layouts.list,
        intended: layout.list.columns,
        lastApplied: appliedLists[layout.uid],
        strapiDefault: strapiDefaultListLayout((contentType as { attributes: never }).attributes),
      });
    if (layout.list && !listDone) {
      appliedLists[layout.uid] = [...layout.list.columns];
      appliedChanged = true;
    } else if (
      layout.list &&
      !appliedLists[layout.uid] &&
      sameColumns(configuration.layouts.list, layout.list.columns)
    ) {
      // Applied before the record existed: recorded now, so a later change of ours replaces it.
      appliedLists[layout.uid] = [...layout.list.columns];
      appliedChanged = true;
    }
    const readOnlyDone = readOnly.every((field) => metadatas[field]?.edit.editable === false);
    const hiddenDone = hidden.every((field) => metadatas[field]?.edit.visible === false);
    // Only over Strapi's fallback, so a newsroom's own choice is kept.
    const setMainField = layout.mainField && FALLBACK_MAIN_FIELDS.includes(configuration.settings.mainField);
    const labels = Object.entries(layout.relationLabels ?? {}).filter(
      ([field]) =>
        metadatas[field] &&
        (FALLBACK_MAIN_FIELDS.includes(metadatas[field].edit.mainField ?? 'id') ||
          FALLBACK_MAIN_FIELDS.includes(metadatas[field].list.mainField ?? 'id')),
    );
    const descriptions = Object.entries(layout.descriptions?.() ?? {}).filter(
      ([field, text]) => metadatas[field] && (metadatas[field].edit as { description?: string }).description !== text,
    );
    if (listDone && readOnlyDone && hiddenDone && !setMainField && labels.length === 0 && descriptions.length === 0) {
      continue;
    }
    for (const [field, text] of descriptions) {
      (metadatas[field].edit as { description?: string }).description = text;
    }
    for (const [field, label] of labels) {
      metadatas[field].edit.mainField = label;
      metadatas[field].list.mainField = label;
    }
    for (const field of readOnly) {
      if (metadatas[field]) metadatas[field].edit.editable = false;
    }
    for (const field of hidden) {
      if (metadatas[field]) metadatas[field].edit.visible = false;
    }
    const list = layout.list;
    const settings = setMainField ? { ...configuration.settings, mainField: layout.mainField } : configuration.settings;
    await contentTypes.updateConfiguration(contentType, {
      settings:
        listDone || !list ? settings : { ...settings, defaultSortBy: list.sortBy, defaultSortOrder: list.sortOrder },
      metadatas,
      layouts: listDone || !list ? configuration.layouts : { ...configuration.layouts, list: [...list.columns] },
    });
  }
  if (appliedChanged) await store.set({ value: appliedLists });
}

const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
