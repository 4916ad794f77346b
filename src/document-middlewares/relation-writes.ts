import type { Core, Modules } from '@strapi/strapi';
import { isPlainObject } from '../lib/is-plain-object';
import { localizedError, message } from '../lib/messages';
import { currentRequestState } from '../lib/request-state';
import { inModerationScope } from '../plugins/moderation/server/src/scope';

type Attribute = { type: string; relation?: string; target?: string; mappedBy?: string };

/**
 * Who may change which entries, for relations and copies:
 * - A relation is written from its owning side (an article's `source`), where the rights,
 *   the draft and the publication of the entry it changes live. Written from the other side
 *   (a source's `articles`), one save would re-point entries — published articles included,
 *   at once, without their own update right or a publish — so requests may not write it
 *   (server code may). An untouched relation (empty connect/disconnect, what the admin form
 *   sends) is dropped.
 * - A copy takes none of the other side's links: for a one-to-many or one-to-one relation
 *   they would move from the original to the copy (a cloned source would take its articles).
 * - In the admin, copying an entry reveals it: it needs the right to read the original.
 */
export function relationWritesMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (!context.uid.startsWith('api::') || inModerationScope()) return next();
    const { action } = context;
    if (action !== 'create' && action !== 'update' && action !== 'clone') return next();
    const schema = strapi.getModel(context.uid as never) as unknown as { attributes: Record<string, Attribute> };
    const params = context.params as { data?: Record<string, unknown>; documentId?: string; locale?: string };
    const inverseSides = Object.entries(schema.attributes)
      .filter(([, attribute]) => attribute.type === 'relation' && attribute.mappedBy)
      .map(([name]) => name);

    if (action === 'clone') {
      const data: Record<string, unknown> = { ...(params.data ?? {}) };
      for (const name of inverseSides) data[name] = { set: [] };
      params.data = data;
    }

    const state = currentRequestState(strapi);
    if (!state) return next();
    if (action !== 'clone') {
      const data = params.data ?? {};
      for (const name of inverseSides) {
        if (!(name in data)) continue;
        if (isUntouchedRelation(data[name])) {
          delete data[name];
          continue;
        }
        throw localizedError(
          'validation',
          'relation_inverse_side_read_only',
          { name },
          {
            errors: [
              {
                path: [name],
                message: message('relation_inverse_side_read_only', { name }).en,
                messages: message('relation_inverse_side_read_only', { name }),
              },
            ],
          },
        );
      }
    }
    if (action === 'clone' && state.auth?.strategy?.name === 'admin' && state.userAbility) {
      await refuseCloneOfUnreadable(strapi, context.uid, params, state.userAbility);
    }
    return next();
  };
}

async function refuseCloneOfUnreadable(
  strapi: Core.Strapi,
  uid: string,
  params: { documentId?: string; locale?: string },
  userAbility: unknown,
) {
  const versions: object[] = await strapi.db.query(uid as never).findMany({
    where: { documentId: params.documentId, ...(params.locale ? { locale: params.locale } : {}) },
    populate: { createdBy: { populate: { roles: { select: ['id'] } } } },
  });
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility, model: uid }) as { cannot: { read(entity?: object): boolean } };
  if (versions.some((version) => checker.cannot.read(version))) {
    throw localizedError('forbidden', 'clone_needs_read');
  }
}

export function isUntouchedRelation(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  const empty = (items: unknown) => items === undefined || (Array.isArray(items) && items.length === 0);
  return (
    keys.every((key) => key === 'connect' || key === 'disconnect') && empty(value.connect) && empty(value.disconnect)
  );
}
