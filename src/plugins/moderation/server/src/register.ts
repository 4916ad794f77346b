import type { Core } from '@strapi/strapi';
import { MODERATION_ACTIONS_FOR_RBAC } from './permissions';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // In register, before the admin bootstrap grants Super Admins every known action.
  strapi.admin.services.permission.actionProvider.registerMany(MODERATION_ACTIONS_FOR_RBAC);
};
