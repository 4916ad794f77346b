import type { Core } from '@strapi/strapi';
import type { CommentStats } from '../api/article/services/comment-stats';
import { validationError } from '../lib/messages';
import type { SubmittedComment } from '../plugins/moderation/server/src/services/submission';
import { EVENT_UID, SETTING_UID } from '../plugins/moderation/server/src/uids';

/**
 * The GraphQL endpoint (`/graphql`, @strapi/plugin-graphql) with the REST API's guarantees.
 *
 * What the public may read is decided below every API, by the Document Service middleware
 * `src/document-middlewares/public-read-visibility.ts`: GraphQL's root queries and page totals
 * read through the Document Service and get it for free. This file closes what GraphQL adds:
 * - relation fields resolve with plain database loads that skip that middleware (and take the
 *   root query's `status: DRAFT` along), so the fields leading to articles are resolved here
 *   (`Source.articles`, `Comment.article`, and i18n's `localizations`) through the Document
 *   Service instead;
 * - a file's `related` lists every entry using it, drafts included: not in the schema;
 * - the moderation types are not in the schema at all; a comment shows what REST shows
 *   (documentId, authorName, body, createdAt, article), nothing about its moderation;
 * - `createComment` is the REST submission, the moderation plugin's submission service (same
 *   checks, messages, screening, and one rate limit budget with REST);
 *   comments cannot be updated or deleted through GraphQL;
 * - articles carry `commentStats` and `commentsOpen`, comments `reactions` and their approved
 *   `replies`, like in REST (replies are not root comments: the visibility middleware keeps them
 *   out of `comments`); reacting and reporting are REST only (they need the reader's cookie);
 * - page sizes above the REST limit and the publication arguments are refused.
 * Private attributes are left out of every type and filter input by the plugin itself.
 */
const ARTICLE_UID = 'api::article.article';
const COMMENT_UID = 'api::comment.comment';
const SOURCE_UID = 'api::source.source';
const FILE_UID = 'plugin::upload.file';
/** The moderation plugin's own types (its events and settings): never in the public schema. */
const HIDDEN_TYPES = [EVENT_UID, SETTING_UID];
/** What REST's public comment shape leaves out (the rest of the comment is private). */
const HIDDEN_COMMENT_FIELDS = ['moderationStatus', 'updatedAt', 'publishedAt', 'parentDocumentId'];
/** Publication arguments: the public reads published content only, so they can only probe drafts. */
const REFUSED_ARGUMENTS = ['hasPublishedVersion', 'publicationFilter'];

type Args = Record<string, unknown>;
type GraphqlContext = {
  state: { auth?: unknown };
  koaContext: { ip: string; get(name: string): string; set(name: string, value: string): void };
};
type Resolver = (parent: any, args: Args, context: GraphqlContext, info: unknown) => unknown;
type ResolverMiddleware = (next: Resolver, parent: any, args: Args, context: GraphqlContext, info: unknown) => unknown;

export function registerPublicGraphqlSchema(strapi: Core.Strapi) {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  const maxLimit = Number(graphql.config('maxLimit'));

  for (const uid of HIDDEN_TYPES) extension.shadowCRUD(uid).disable();
  const comments = extension.shadowCRUD(COMMENT_UID);
  comments.disableActions(['create', 'update', 'delete']);
  for (const field of HIDDEN_COMMENT_FIELDS) comments.field(field).disable();
  extension.shadowCRUD(FILE_UID).field('related').disable();

  /** Refuses what REST refuses in every public query's arguments. */
  const checkArguments: ResolverMiddleware = (next, parent, args, context, info) => {
    for (const name of REFUSED_ARGUMENTS) {
      if (args[name] !== undefined && args[name] !== null) throw validationError('query_unknown_parameter', { name });
    }
    const pagination = (args.pagination ?? {}) as Args;
    for (const name of ['pageSize', 'limit'] as const) {
      const value = pagination[name];
      if (typeof value === 'number' && (value < 1 || value > maxLimit)) {
        throw validationError('query_bad_pagination', { name, min: 1, max: maxLimit });
      }
    }
    return next(parent, args, context, info);
  };

  extension.use(({ strapi: app }: { strapi: Core.Strapi }) => {
    const { transformArgs } = app.plugin('graphql').service('builders').utils;
    const { toEntityResponseCollection } = app.plugin('graphql').service('format').returnTypes;

    /**
     * A to-many relation read through the Document Service, so the visibility middleware
     * applies (published only, rules in every filter): the GraphQL arguments checked as REST
     * checks them, plus the condition that ties the rows to their parent.
     */
    async function relatedThroughDocuments(uid: string, args: Args, context: GraphqlContext, condition: Args) {
      const contentType = app.getModel(uid as never);
      const transformed = transformArgs(args, { contentType, usePagination: true });
      const auth = context.state.auth;
      await app.contentAPI.validate.query(transformed, contentType, { auth } as never);
      const query = (await app.contentAPI.sanitize.query(transformed, contentType, { auth } as never)) as Args;
      const filters = query.filters ? { $and: [query.filters, condition] } : condition;
      const params = { ...query, filters, locale: '*' };
      const nodes = await app.documents(uid as never).findMany(params as never);
      return { nodes, info: { args: params, resourceUID: uid } };
    }

    /** `field` and `field_connection` resolvers of a to-many relation read through the Document Service. */
    const toMany = (uid: string, condition: (parent: any) => Args) => ({
      list: async (parent: any, args: Args, context: GraphqlContext) =>
        (await relatedThroughDocuments(uid, args, context, condition(parent))).nodes,
      connection: async (parent: any, args: Args, context: GraphqlContext) => {
        const { nodes, info } = await relatedThroughDocuments(uid, args, context, condition(parent));
        return toEntityResponseCollection(nodes, info);
      },
    });
    const sourceArticles = toMany(ARTICLE_UID, (source: { id: number }) => ({ source: { id: source.id } }));
    // The other locales of a document (i18n's `localizations`), published ones only.
    const localizationsOf = (uid: string) =>
      toMany(uid, (entry: { documentId: string; locale: string }) => ({
        documentId: entry.documentId,
        locale: { $ne: entry.locale },
      }));
    const articleLocalizations = localizationsOf(ARTICLE_UID);
    const sourceLocalizations = localizationsOf(SOURCE_UID);

    /** Counts and openness of many articles of one response in one go (see comment-stats). */
    type ArticleExtras = { commentStats: CommentStats; commentsOpen: boolean };
    const articleExtrasOf = batchedLoader<string, ArticleExtras>(
      async (documentIds) => {
        const articles = documentIds.map((documentId) => ({ documentId }) as { documentId: string } & ArticleExtras);
        await app.service('api::article.comment-stats').attach(articles);
        return new Map(articles.map((article) => [article.documentId, article]));
      },
      { commentStats: { total: 0, pending: 0, published: 0 }, commentsOpen: false },
    );
    type Reactions = { agree: number; disagree: number };
    const reactionsOf = batchedLoader<number, Reactions>(
      (ids) => app.plugin('moderation').service('reactions').countsOf(ids),
      { agree: 0, disagree: 0 },
    );
    const repliesOf = batchedLoader<string, { id: number }[]>(
      (documentIds) => app.plugin('moderation').service('threads').repliesOf(documentIds),
      [],
    );

    const queryNames = Object.values(
      app.contentTypes as unknown as Record<
        string,
        { uid: string; kind: string; info: { singularName: string; pluralName: string } }
      >,
    )
      .filter((type) => type.uid.startsWith('api::') && !HIDDEN_TYPES.includes(type.uid))
      .flatMap((type) =>
        type.kind === 'singleType'
          ? [camel(type.info.singularName)]
          : [camel(type.info.singularName), camel(type.info.pluralName), `${camel(type.info.pluralName)}_connection`],
      );

    return {
      typeDefs: `
        """Comment counts of an article, as REST's commentStats."""
        type CommentStats {
          "Every comment received and not deleted, rejected ones included."
          total: Int!
          "Comments awaiting a moderator."
          pending: Int!
          "Approved comments, the ones the public list shows."
          published: Int!
        }

        extend type Article {
          commentStats: CommentStats!
          "Whether the article takes comments now (its switch, its close date, the site's age limit)."
          commentsOpen: Boolean!
        }

        """Readers' agree and disagree counts on a public comment."""
        type CommentReactions {
          agree: Int!
          disagree: Int!
        }

        """An approved reply under an approved comment."""
        type CommentReply {
          documentId: ID!
          authorName: String!
          body: String!
          createdAt: DateTime!
          reactions: CommentReactions!
        }

        extend type Comment {
          reactions: CommentReactions!
          "Approved replies, oldest first."
          replies: [CommentReply!]!
        }

        """A reader's comment, as POST /api/comments takes it. Every field is checked by the server."""
        input CommentSubmissionInput {
          "The article's documentId."
          article: String
          authorName: String
          authorEmail: String
          body: String
          "A reply: the documentId of the published comment it answers (same article, one level)."
          parent: String
          "Leave empty: a form-filling bot's trap (the honeypot)."
          website: String
        }

        """A submitted comment: it waits for a moderator and is not public until approved."""
        type CommentSubmission {
          documentId: ID!
          moderationStatus: String!
          authorName: String!
          body: String!
          createdAt: DateTime!
        }

        extend type Mutation {
          "Submits a reader's comment. It is published only after a moderator approves it."
          createComment(data: CommentSubmissionInput!): CommentSubmission!
        }
      `,
      resolvers: {
        Article: {
          localizations: articleLocalizations.list,
          localizations_connection: articleLocalizations.connection,
          commentStats: async (article: { documentId: string }) =>
            (await articleExtrasOf(article.documentId)).commentStats,
          commentsOpen: async (article: { documentId: string }) =>
            (await articleExtrasOf(article.documentId)).commentsOpen,
        },
        CommentReply: {
          reactions: (reply: { id: number }) => reactionsOf(reply.id),
        },
        Source: {
          articles: sourceArticles.list,
          articles_connection: sourceArticles.connection,
          localizations: sourceLocalizations.list,
          localizations_connection: sourceLocalizations.connection,
        },
        Comment: {
          reactions: (comment: { id: number }) => reactionsOf(comment.id),
          replies: (comment: { documentId: string }) => repliesOf(comment.documentId),
          article: async (comment: { id: number }) => {
            const row = (await app.db
              .query(COMMENT_UID)
              .load(comment as never, 'article', { select: ['documentId', 'locale'] } as never)) as {
              documentId: string;
              locale: string;
            } | null;
            if (!row) return null;
            return app.documents(ARTICLE_UID).findOne({ documentId: row.documentId, locale: row.locale } as never);
          },
        },
        Mutation: {
          createComment: async (_parent: unknown, args: Args, context: GraphqlContext): Promise<SubmittedComment> => {
            const submission = app.plugin('moderation').service('submission');
            await submission.enforceRateLimit(context.koaContext.ip, context.koaContext);
            return submission.submit({
              body: { data: args.data },
              ip: context.koaContext.ip,
              userAgent: context.koaContext.get('user-agent') || undefined,
            });
          },
        },
      },
      resolversConfig: {
        ...Object.fromEntries(queryNames.map((name) => [`Query.${name}`, { middlewares: [checkArguments] }])),
        'Source.articles': { middlewares: [checkArguments] },
        'Source.articles_connection': { middlewares: [checkArguments] },
        'Source.localizations': { middlewares: [checkArguments] },
        'Source.localizations_connection': { middlewares: [checkArguments] },
        'Article.localizations': { middlewares: [checkArguments] },
        'Article.localizations_connection': { middlewares: [checkArguments] },
        // The same permission as POST /api/comments (the public role has it).
        'Mutation.createComment': { auth: { scope: [`${COMMENT_UID}.create`] } },
        'Article.commentStats': { auth: { scope: [`${ARTICLE_UID}.find`] } },
        'Article.commentsOpen': { auth: { scope: [`${ARTICLE_UID}.find`] } },
        'Comment.reactions': { auth: { scope: [`${COMMENT_UID}.find`] } },
        'Comment.replies': { auth: { scope: [`${COMMENT_UID}.find`] } },
        'CommentReply.reactions': { auth: { scope: [`${COMMENT_UID}.find`] } },
        'Comment.article': { auth: { scope: [`${ARTICLE_UID}.find`] } },
      },
    };
  });
}

/**
 * Collects the keys asked for in one tick (the resolvers of one response's items run together)
 * and loads them with one call, so a page costs the same queries as one item.
 */
function batchedLoader<K, V>(load: (keys: K[]) => Promise<Map<K, V>>, fallback: V): (key: K) => Promise<V> {
  let pending: { keys: Set<K>; ready: Promise<Map<K, V>> } | null = null;
  return async (key: K) => {
    if (!pending) {
      const keys = new Set<K>();
      const ready = new Promise<Map<K, V>>((resolve, reject) => {
        setImmediate(() => {
          pending = null;
          load([...keys]).then(resolve, reject);
        });
      });
      pending = { keys, ready };
    }
    pending.keys.add(key);
    return (await pending.ready).get(key) ?? fallback;
  };
}

/** `news-item` → `newsItem`, as the plugin names queries. */
function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
