/**
 * The admin routes are guarded by Strapi's own `admin::isAuthenticatedAdmin` and
 * `admin::hasPermissions` policies with the RBAC actions of ../permissions.ts (see
 * ../routes/admin.ts); the plugin needs no policy of its own.
 */
export default {};
