import type { Core } from '@strapi/strapi';
import { MODERATION_ACTIONS_FOR_RBAC } from './permissions';
import { eventPayloadWithoutCommentContent } from './webhook-payload';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // In register, before the admin bootstrap grants Super Admins every known action.
  strapi.admin.services.permission.actionProvider.registerMany(MODERATION_ACTIONS_FOR_RBAC);
  // In register, before anything emits: every subscriber of the event hub (webhooks first)
  // gets comments without their content.
  const emit = strapi.eventHub.emit.bind(strapi.eventHub);
  strapi.eventHub.emit = (eventName: string, ...args: unknown[]) =>
    emit(eventName, ...args.map(eventPayloadWithoutCommentContent));
};
