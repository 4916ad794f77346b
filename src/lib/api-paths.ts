/**
 * Which requests the global guards look at. Strapi's router matches paths case-insensitively
 * (`/API/articles` reaches the articles route), so these do too, or an upper-case path would
 * slip past every check.
 */
const CONTENT_API = /^\/api(\/|$)/i;
const CHECKED_APIS = /^\/(api|moderation)(\/|$)/i;

/** The public content API. */
export const isContentApiPath = (path: string) => CONTENT_API.test(path);

/** The content API and the moderation API: the paths frontends and moderation tools call. */
export const isCheckedApiPath = (path: string) => CHECKED_APIS.test(path);
