import type { Core } from '@strapi/strapi';
import { readableFields } from '../lib/admin-read-access';
import { localizedError } from '../lib/messages';
import type { AdminAbility } from '../lib/request-state';

type PolicyContext = {
  params: { model?: string; targetField?: string };
  state: { userAbility?: AdminAbility };
};

/**
 * The content manager's relation pickers (`/content-manager/relations/:model/[:id/]:field`)
 * list the related entries straight from the database, checking only the source type's
 * permissions: an Editor could list an article's comments, pending ones included. Listing the
 * entries of a type needs the right to read that type.
 */
export default (policyContext: PolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { model, targetField } = policyContext.params;
  const ability = policyContext.state.userAbility;
  if (!model || !targetField || !ability) return true;
  const schema = strapi.getModel(model as never) as { attributes?: Record<string, { type: string; target?: string }> };
  const attribute = schema?.attributes?.[targetField];
  const target = attribute?.type === 'relation' ? attribute.target : undefined;
  if (!target?.startsWith('api::')) return true;
  const targetSchema = strapi.getModel(target as never) as unknown as { attributes: Record<string, unknown> };
  const readable = readableFields(
    ability.rulesFor('plugin::content-manager.explorer.read', target),
    Object.keys(targetSchema.attributes),
  );
  if (readable === null) throw localizedError('forbidden', 'admin_relation_forbidden', { name: target });
  return true;
};
