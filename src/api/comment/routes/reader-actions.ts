/**
 * What a reader does to a published comment besides replying (a reply is a comment with
 * `parent`, through POST /api/comments). Granted to the public role in
 * src/bootstrap/public-permissions.ts; each action has its own rate-limit budget.
 */
export default {
  routes: [
    {
      method: 'POST',
      path: '/comments/:id/reactions',
      handler: 'api::comment.comment.react',
      config: { middlewares: [{ name: 'global::comment-rate-limit', config: { budget: 'reactions' } }] },
    },
    {
      method: 'POST',
      path: '/comments/:id/reports',
      handler: 'api::comment.comment.report',
      config: { middlewares: [{ name: 'global::comment-rate-limit', config: { budget: 'reports' } }] },
    },
  ],
};
