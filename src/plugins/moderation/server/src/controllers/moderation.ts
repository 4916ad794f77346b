import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { nonNegativeInteger } from '../../../../../lib/environment';
import { ConflictError, conflictBody } from '../../../../../lib/messages';
import type { ModerationAction } from '../domain/vocabulary';
import type { Actor, TransitionRequest } from '../services/transitions';
import type { SettingsError } from '../settings';
import {
  bulkTarget,
  dailyStatsQuery,
  decisionBody,
  eventsQuery,
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

/**
 * What the environment fixes on this server, beside the settings: a rate limit set by
 * COMMENT_RATE_LIMIT_PER_MINUTE / _PER_HOUR wins over the stored one (null: the setting applies),
 * so the settings page can say a number has no effect here.
 */
function settingsMeta() {
  const fixed = (name: string) => nonNegativeInteger(process.env[name]) ?? null;
  return {
    environment: {
      rateLimit: {
        perMinute: fixed('COMMENT_RATE_LIMIT_PER_MINUTE'),
        perHour: fixed('COMMENT_RATE_LIMIT_PER_HOUR'),
      },
    },
  };
}

/** Admin API of the moderation queue, mounted at /moderation (see ../routes/admin.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: 'events' | 'queue' | 'transitions' | 'settings' | 'stats' | 'screening' | 'reports') =>
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
      ctx.body = await service('queue').list(parseRequest(queueQuery, ctx.query, 'query'));
    },

    /** The audit trail, newest first (one comment's history with `comment`). */
    async events(ctx: AdminCtx) {
      ctx.body = await service('events').list(parseRequest(eventsQuery, ctx.query, 'query'));
    },

    async findOne(ctx: AdminCtx) {
      ctx.body = { data: await service('queue').findOne(ctx.params.documentId) };
    },

    /**
     * Dismisses the comment's open reports (it stays as it is); who and when are kept on each
     * report. 409 when there is none open. To unpublish, reject the comment instead.
     */
    async dismissReports(ctx: AdminCtx) {
      const done = await answeringConflicts(ctx, () => service('reports').dismiss(ctx.params.documentId, actorOf(ctx)));
      if (done) ctx.body = { data: await service('queue').findOne(ctx.params.documentId) };
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
      ctx.body = { data: await service('settings').get(), meta: settingsMeta() };
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
      ctx.body = { data: result.value, meta: settingsMeta() };
    },

    /** Screens a text against the current rules, as a new comment on `article` would be. */
    async screen(ctx: AdminCtx) {
      const { text, article } = parseRequest(screenBody, objectBody(ctx.request.body));
      ctx.body = { data: await service('screening').tryText(text, article) };
    },

    async stats(ctx: AdminCtx) {
      ctx.body = await service('stats').overview(parseRequest(statsQuery, ctx.query));
    },

    /** Per day, for the home page's widget: see the stats service for each series. */
    async dailyStats(ctx: AdminCtx) {
      ctx.body = { data: await service('stats').daily(parseRequest(dailyStatsQuery, ctx.query)) };
    },

    /** One article's comment counts, for its edit view's side panel. */
    async articleCounts(ctx: AdminCtx) {
      ctx.body = { data: await service('stats').article(ctx.params.documentId) };
    },
  };
};
