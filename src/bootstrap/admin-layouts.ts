import type { Core } from '@strapi/strapi';

/**
 * The content manager's list views as moderators need them: the comment queue shows status and
 * article and runs oldest first; the audit trail shows who did what, newest first. Applied once
 * (when the columns are not there yet) so an editor's own later arrangement is kept. Fields
 * only the system writes are shown read-only.
 */
const LAYOUTS = [
  {
    uid: 'api::comment.comment',
    list: ['id', 'body', 'authorName', 'moderationStatus', 'article', 'createdAt'],
    marker: 'moderationStatus',
    sortBy: 'createdAt',
    sortOrder: 'ASC',
    // Set by the moderation service or at submission; the server ignores edits to the first two.
    readOnly: ['moderatedBy', 'moderatedAt', 'ipHash', 'userAgent', 'screening', 'fingerprint'],
  },
  {
    uid: 'api::moderation-event.moderation-event',
    list: ['occurredAt', 'commentDocumentId', 'fromStatus', 'toStatus', 'reason', 'actorLabel'],
    marker: 'toStatus',
    sortBy: 'occurredAt',
    sortOrder: 'DESC',
    readOnly: ['commentDocumentId', 'fromStatus', 'toStatus', 'reason', 'note', 'actor', 'actorLabel', 'occurredAt'],
  },
] as const;

export async function ensureAdminLayouts(strapi: Core.Strapi): Promise<void> {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  for (const layout of LAYOUTS) {
    const contentType = strapi.contentType(layout.uid as never);
    const configuration = await contentTypes.findConfiguration(contentType);
    if (!configuration?.layouts) continue;
    const metadatas = configuration.metadatas as Record<string, { edit: { editable?: boolean } }>;
    const listDone = configuration.layouts.list.includes(layout.marker);
    const readOnlyDone = layout.readOnly.every((field) => metadatas[field]?.edit.editable === false);
    if (listDone && readOnlyDone) continue;
    for (const field of layout.readOnly) {
      if (metadatas[field]) metadatas[field].edit.editable = false;
    }
    await contentTypes.updateConfiguration(contentType, {
      settings: listDone
        ? configuration.settings
        : { ...configuration.settings, defaultSortBy: layout.sortBy, defaultSortOrder: layout.sortOrder },
      metadatas,
      layouts: listDone ? configuration.layouts : { ...configuration.layouts, list: [...layout.list] },
    });
  }
}
