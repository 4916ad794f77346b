import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ConflictError, conflictBody } from '../../../../../lib/messages';
import type { ModerationAction } from '../domain/vocabulary';
import type { Actor, TransitionRequest } from '../services/transitions';
import type { SettingsError } from '../settings';
import {
  bulkTarget,
  decisionBody,
  objectBody,
  parseRequest,
  queueQuery,
  screenBody,
  statsQuery,
} from '../validation/admin-api';

type AdminCtx = Context & { request: Context['request'] & { body?: unknown }; params: Record<string, string> };

function actorOf(ctx: AdminCtx): Actor {
  const user = ctx.state.user as { id: number; firstname?: string; lastname?: string; email?: string };
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
  return {
    id: user.id,
    label: name || user.email || `admin #${user.id}`,
    email: user.email ?? null,
  };
}

/** Runs a transition; a conflict (the comment is already there) answers 409. */
async function answeringConflicts<T>(ctx: AdminCtx, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConflictError) {
      ctx.status = 409;
      ctx.body = conflictBody(error);
      return undefined;
    }
    throw error;
  }
}

/** Admin API of the moderation queue, mounted at /moderation (see ../routes/admin.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: 'queue' | 'transitions' | 'settings' | 'stats' | 'screening') =>
    strapi.plugin('moderation').service(name);

  function decision(action: ModerationAction) {
    return async (ctx: AdminCtx) => {
      const { reason, note } = parseRequest(decisionBody(action), objectBody(ctx.request.body));
      const request: TransitionRequest = { action, reason, note, actor: actorOf(ctx) };
      const done = await answeringConflicts(ctx, () =>
        service('transitions').transition(ctx.params.documentId, request),
      );
      if (done) ctx.body = { data: await service('queue').findOne(ctx.params.documentId) };
    };
  }

  return {
    async list(ctx: AdminCtx) {
      ctx.body = await service('queue').list(parseRequest(queueQuery, ctx.query));
    },

    async findOne(ctx: AdminCtx) {
      ctx.body = { data: await service('queue').findOne(ctx.params.documentId) };
    },

    approve: decision('approve'),
    reject: decision('reject'),
    reopen: decision('reopen'),

    async bulk(ctx: AdminCtx) {
      const body = objectBody(ctx.request.body);
      const { action, documentIds } = parseRequest(bulkTarget, body);
      const { reason, note } = parseRequest(decisionBody(action), body);
      const request: TransitionRequest = { action, reason, note, actor: actorOf(ctx) };
      const results = await answeringConflicts(ctx, () => service('transitions').transitionMany(documentIds, request));
      if (results) ctx.body = { data: results };
    },

    async getSettings(ctx: AdminCtx) {
      ctx.body = { data: await service('settings').get() };
    },

    async updateSettings(ctx: AdminCtx) {
      const result = await service('settings').update(ctx.request.body);
      if (!result.ok) {
        const first = result.errors[0];
        throw new errors.ValidationError(first.message.en, {
          code: 'moderation_bad_settings',
          messages: first.message,
          errors: result.errors.map((error: SettingsError) => ({ path: [error.path], messages: error.message })),
        });
      }
      ctx.body = { data: result.value };
    },

    /** Screens a text against the current rules, as a new comment on `article` would be. */
    async screen(ctx: AdminCtx) {
      const { text, article } = parseRequest(screenBody, objectBody(ctx.request.body));
      ctx.body = { data: await service('screening').tryText(text, article) };
    },

    async stats(ctx: AdminCtx) {
      ctx.body = await service('stats').overview(parseRequest(statsQuery, ctx.query));
    },
  };
};
