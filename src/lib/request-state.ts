import type { Core } from '@strapi/strapi';

/** What the Document Service middlewares need to know of the HTTP request they run under. */
export type RequestState = {
  auth?: { strategy?: { name?: string } };
  route?: { info?: { type?: string } };
  user?: { id: number; firstname?: string; lastname?: string; email?: string };
  /** The admin user's CASL ability (admin requests only). */
  userAbility?: AdminAbility;
};

export interface AdminAbility {
  can(action: string, subject?: string, field?: string): boolean;
  rulesFor(action: string, subject: string): { fields?: string | string[] | null; inverted?: boolean }[];
}

/**
 * The state of the request the current code runs for, or undefined for server code (bootstrap,
 * scripts, jobs), which has no request.
 */
export function currentRequestState(strapi: Core.Strapi): RequestState | undefined {
  const ctx = strapi.requestContext.get() as { state?: RequestState } | undefined;
  return ctx ? (ctx.state ?? {}) : undefined;
}
