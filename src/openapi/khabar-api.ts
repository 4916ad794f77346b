import { MESSAGES, type MessageCode, message } from '../lib/messages';
import { COMMENT_LIMITS } from '../plugins/moderation/server/src/domain/comment-input';
import { SEARCH_MAX_CHARACTERS, SEARCH_MIN_CHARACTERS } from '../plugins/moderation/server/src/domain/search-key';
import {
  AUTO_REJECT_FLAGS,
  LIMITS,
  MODERATION_ACTIONS,
  MODERATION_STATUSES,
  REACTION_KINDS,
  REJECTION_REASONS,
  REPORT_REASONS,
  REPORT_RESOLUTION_LABELS,
  SCREENING_FLAGS,
  SETTINGS_LIMITS,
  STATS_SORTS,
} from '../plugins/moderation/server/src/domain/vocabulary';
import type { Language } from '../plugins/moderation/server/src/screening/language';

/**
 * What the OpenAPI document (@strapi/plugin-documentation) cannot generate from the content
 * types: our own routes and answers — comment submission, the public comment shape, the
 * articles' `commentStats`, the moderation admin API under `/moderation` — with their
 * request and response bodies and the error body every 4xx carries (`error.details.code` and
 * `error.details.messages.fa/en`). Registered as an override (src/index.ts); pure data, so a
 * unit test reads it without Strapi. The moderation API is the moderation plugin's
 * (src/plugins/moderation/server/src/routes/admin.ts): its enumerations and limits are read
 * from the plugin's vocabulary, so the document cannot drift from what the server checks.
 */
type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, extra: Schema = {}) => ({ content: { 'application/json': { schema, ...extra } } });

/** A 4xx answer with its possible codes, each with its real Persian and English message. */
function errorResponse(status: number, name: string, description: string, codes: MessageCode[]) {
  const examples = Object.fromEntries(
    codes.map((code) => {
      const messages = message(code, { name: 'x', seconds: 42, min: 1, max: 100, list: 'fa, en', status: 'approved' });
      return [
        code,
        {
          summary: messages.en,
          value: { data: null, error: { status, name, message: messages.en, details: { code, messages } } },
        },
      ];
    }),
  );
  return {
    description: `${description} \`error.details.code\` is one of: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
    ...json(ref('LocalizedError'), { examples }),
  };
}

const CODES = Object.keys(MESSAGES) as MessageCode[];
const codesStarting = (prefix: string) => CODES.filter((code) => code.startsWith(prefix));

const SUBMISSION_INPUT_CODES: MessageCode[] = [
  'comment_data_missing',
  'comment_article_missing',
  'comment_article_invalid',
  'comment_article_not_found',
  'comment_name_missing',
  'comment_name_too_long',
  'comment_email_invalid',
  'comment_body_missing',
  'comment_body_too_short',
  'comment_body_too_long',
  'comment_name_bad_characters',
  'comment_body_bad_characters',
  'comment_parent_invalid',
  'comment_parent_not_found',
  'comment_parent_is_reply',
  'request_bad_json',
  'request_bad_characters',
];

const documentIdParameter = {
  name: 'documentId',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: "The comment's documentId.",
};

/** A public comment's documentId, in the path of the public comment routes. */
const publicCommentIdParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'documentId',
};

/** The public routes answer a pending or rejected comment exactly as a missing one. */
const hiddenCommentNotFound = errorResponse(404, 'NotFoundError', 'Missing, pending and rejected comments alike.', [
  'moderation_not_found',
]);

/** A 429 with the seconds to wait. */
const rateLimited = (description: string, codes: MessageCode[]) => ({
  ...errorResponse(429, 'RateLimitError', description, codes),
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
});

const moderationErrors = {
  '401': errorResponse(401, 'UnauthorizedError', 'No admin token, or an expired one: log in again.', [
    'request_unauthorized',
  ]),
  '403': errorResponse(403, 'PolicyError', 'The admin role lacks the moderation permission.', [
    'moderation_forbidden',
    'request_forbidden',
  ]),
};

/** The moderation API lives at the server root, not under the REST prefix `/api`. */
const moderationServers = [{ url: '/', description: 'The server root (the moderation API is not under /api)' }];

function moderationAction(action: 'approve' | 'reject' | 'reopen', summary: string) {
  return {
    servers: moderationServers,
    post: {
      tags: ['Moderation'],
      summary,
      security: [{ bearerAuth: [] }],
      parameters: [documentIdParameter],
      requestBody: {
        required: action === 'reject',
        ...json(action === 'reject' ? ref('RejectRequest') : ref('TransitionNote')),
      },
      responses: {
        '200': { description: 'The comment after the change.', ...json(ref('ModeratorCommentResponse')) },
        '400': errorResponse(400, 'ValidationError', 'A missing or unknown reason, or a note too long.', [
          'moderation_reason_required',
          'moderation_reason_not_allowed',
          'moderation_bad_note',
        ]),
        ...moderationErrors,
        '404': errorResponse(404, 'NotFoundError', 'No such comment.', ['moderation_not_found']),
        '409': errorResponse(
          409,
          'ConflictError',
          'The comment is already in that status (another moderator was faster).',
          ['moderation_already_in_status'],
        ),
      },
    },
  };
}

const pagination = {
  type: 'object',
  properties: {
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    pageCount: { type: 'integer' },
    total: { type: 'integer' },
  },
};

const counts = { type: 'integer', minimum: 0 };

/** Every language screening reports: a Record, so the compiler asks for a language added there. */
const SCREENING_LANGUAGES = Object.keys({
  fa: true,
  ar: true,
  ur: true,
  ps: true,
  ckb: true,
  azb: true,
  sd: true,
  ug: true,
  en: true,
  'fa-Latn': true,
  other: true,
  und: true,
} satisfies Record<Language, true>);

const moderatorNote = { type: 'string', maxLength: LIMITS.moderationNoteMax, nullable: true };
const rejectionReason = { type: 'string', enum: [...REJECTION_REASONS] };

export const KHABAR_SCHEMAS: Record<string, Schema> = {
  LocalizedError: {
    type: 'object',
    description: 'Every 4xx of /api and /moderation: the problem in English, Persian and as a code.',
    required: ['data', 'error'],
    properties: {
      data: { nullable: true, example: null },
      error: {
        type: 'object',
        required: ['status', 'name', 'message', 'details'],
        properties: {
          status: { type: 'integer', example: 400 },
          name: { type: 'string', example: 'ValidationError' },
          message: { type: 'string', description: 'The English message.' },
          details: {
            type: 'object',
            required: ['code', 'messages'],
            properties: {
              code: { type: 'string', enum: [...CODES, 'moderation_bad_settings'] },
              messages: {
                type: 'object',
                required: ['fa', 'en'],
                properties: {
                  fa: { type: 'string', description: 'For the reader: Persian.' },
                  en: { type: 'string' },
                },
              },
              errors: {
                type: 'array',
                description: 'One entry per invalid field.',
                items: {
                  type: 'object',
                  properties: {
                    path: { type: 'array', items: { type: 'string' } },
                    code: { type: 'string' },
                    messages: { type: 'object', properties: { fa: { type: 'string' }, en: { type: 'string' } } },
                  },
                },
              },
              retryAfterSeconds: { type: 'integer', description: 'With 429: seconds until a new try is allowed.' },
            },
          },
        },
      },
    },
  },
  CommentStats: {
    type: 'object',
    required: ['total', 'pending', 'published'],
    properties: {
      total: { ...counts, description: 'Every comment received and not deleted, rejected ones included.' },
      pending: { ...counts, description: 'Comments awaiting a moderator.' },
      published: { ...counts, description: 'Approved comments, the ones GET /comments lists.' },
    },
  },
  CommentSubmissionRequest: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        required: ['article', 'authorName', 'body'],
        properties: {
          article: { type: 'string', description: "The article's documentId (published)." },
          authorName: { type: 'string', minLength: 1, maxLength: COMMENT_LIMITS.nameMax },
          authorEmail: {
            type: 'string',
            format: 'email',
            nullable: true,
            maxLength: COMMENT_LIMITS.emailMax,
            description: 'Private: never shown, never filterable.',
          },
          body: {
            type: 'string',
            minLength: COMMENT_LIMITS.bodyMin,
            maxLength: COMMENT_LIMITS.bodyMax,
            description: 'Counted in characters as the reader sees them (an emoji is one).',
          },
          parent: {
            type: 'string',
            nullable: true,
            description:
              "A reply: the documentId of the published comment it answers, under the same article (one level: not a reply). A pending, rejected, missing or other article's comment is refused alike (comment_parent_not_found).",
          },
          website: {
            type: 'string',
            description: 'The honeypot: render it hidden and leave it empty. A filled one marks the comment spam.',
          },
        },
      },
    },
    example: { data: { article: 'dbx8xg3mq0k9v2ac7j1lq5ze', authorName: 'مریم', body: 'گزارش خوبی بود.' } },
  },
  SubmittedComment: {
    type: 'object',
    required: ['documentId', 'moderationStatus', 'authorName', 'body', 'createdAt'],
    properties: {
      documentId: { type: 'string' },
      moderationStatus: { type: 'string', enum: ['pending'], description: 'Always pending: a moderator decides.' },
      authorName: { type: 'string' },
      body: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  PublicComment: {
    type: 'object',
    description:
      'An approved comment of a published article, with its approved replies. Nothing else is ever public. Replies are listed only under their parent: they are not comments of their own in lists and answer 404 on GET /comments/{id}.',
    required: ['documentId', 'authorName', 'body', 'createdAt', 'article', 'reactions', 'replies'],
    properties: {
      documentId: { type: 'string' },
      authorName: { type: 'string' },
      body: { type: 'string', description: 'Plain text as the reader wrote it: render it as text, never as HTML.' },
      createdAt: { type: 'string', format: 'date-time' },
      article: {
        type: 'object',
        nullable: true,
        properties: { documentId: { type: 'string' } },
      },
      reactions: ref('CommentReactions'),
      replies: { type: 'array', items: ref('PublicReply'), description: 'Approved replies, oldest first.' },
    },
  },
  PublicReply: {
    type: 'object',
    description: 'An approved reply under an approved comment.',
    required: ['documentId', 'authorName', 'body', 'createdAt', 'parent', 'reactions'],
    properties: {
      documentId: { type: 'string' },
      authorName: { type: 'string' },
      body: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      parent: { type: 'object', properties: { documentId: { type: 'string' } } },
      reactions: ref('CommentReactions'),
    },
  },
  CommentReactions: {
    type: 'object',
    required: ['agree', 'disagree'],
    properties: { agree: counts, disagree: counts },
  },
  ReactionRequest: {
    type: 'object',
    required: ['kind'],
    properties: { kind: { type: 'string', enum: [...REACTION_KINDS] } },
    example: { kind: 'agree' },
  },
  ReactionResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: {
          documentId: { type: 'string' },
          reaction: { type: 'string', enum: [...REACTION_KINDS], description: "This reader's reaction now." },
          reactions: ref('CommentReactions'),
        },
      },
    },
  },
  ReportRequest: {
    type: 'object',
    required: ['reason'],
    properties: {
      reason: { type: 'string', enum: [...REPORT_REASONS] },
      note: {
        type: 'string',
        nullable: true,
        maxLength: LIMITS.reportNoteMax,
        description: 'Seen by moderators only.',
      },
    },
    example: { reason: 'slander', note: 'به یک شخص تهمت زده است.' },
  },
  ReportResponse: {
    type: 'object',
    properties: {
      data: {
        type: 'object',
        properties: { documentId: { type: 'string' }, reported: { type: 'boolean', enum: [true] } },
      },
    },
  },
  CommentReport: {
    type: 'object',
    description: "A reader's report, as moderators see it (the reader is never identified).",
    properties: {
      id: { type: 'integer' },
      reason: { type: 'string', enum: [...REPORT_REASONS] },
      note: { type: 'string', nullable: true },
      createdAt: { type: 'string', format: 'date-time' },
      resolution: { type: 'string', enum: Object.keys(REPORT_RESOLUTION_LABELS), nullable: true },
      resolvedAt: { type: 'string', format: 'date-time', nullable: true },
      resolvedBy: {
        type: 'object',
        nullable: true,
        description: 'Who dismissed the report or rejected the comment (id null: the system).',
        properties: { id: { type: 'integer', nullable: true }, label: { type: 'string', nullable: true } },
      },
    },
  },
  AuthorHistory: {
    type: 'object',
    description:
      "The author's earlier comments (by a salted hash of the normalized email when given, else of the address hash), never this one. Moderators only.",
    properties: {
      approved: counts,
      rejected: counts,
      rejectedByReason: {
        type: 'object',
        properties: Object.fromEntries(REJECTION_REASONS.map((reason) => [reason, counts])),
      },
      pending: counts,
      recent: {
        type: 'array',
        maxItems: LIMITS.historyRecentMax,
        description: 'The latest earlier comments, newest first; bodies cut at 300 characters.',
        items: {
          type: 'object',
          properties: {
            documentId: { type: 'string' },
            moderationStatus: { type: 'string', enum: [...MODERATION_STATUSES] },
            createdAt: { type: 'string', format: 'date-time' },
            body: { type: 'string' },
          },
        },
      },
    },
  },
  TransitionNote: {
    type: 'object',
    properties: { note: { ...moderatorNote, description: 'Private to moderators.' } },
  },
  RejectRequest: {
    type: 'object',
    required: ['reason'],
    properties: { reason: rejectionReason, note: moderatorNote },
  },
  BulkRequest: {
    type: 'object',
    required: ['action', 'documentIds'],
    properties: {
      action: { type: 'string', enum: [...MODERATION_ACTIONS] },
      documentIds: { type: 'array', minItems: 1, maxItems: LIMITS.bulkMax, items: { type: 'string' } },
      reason: { ...rejectionReason, description: 'Required when the action is reject, refused otherwise.' },
      note: moderatorNote,
    },
  },
  Screening: {
    type: 'object',
    properties: {
      language: { type: 'string', enum: [...SCREENING_LANGUAGES] },
      languageConfidence: { type: 'number' },
      blocklist: { type: 'array', items: { type: 'string' }, description: 'Word-list terms found.' },
      relevance: {
        type: 'number',
        minimum: 0,
        maximum: 1,
        nullable: true,
        description: 'Null when there is no article to compare with.',
      },
      flags: { type: 'array', items: { type: 'string', enum: [...SCREENING_FLAGS] } },
      suggestedReason: { ...rejectionReason, nullable: true },
    },
  },
  ModeratorComment: {
    type: 'object',
    description: 'A comment as a moderator sees it: private fields included.',
    properties: {
      documentId: { type: 'string' },
      body: { type: 'string' },
      authorName: { type: 'string' },
      authorEmail: { type: 'string', nullable: true },
      moderationStatus: { type: 'string', enum: [...MODERATION_STATUSES] },
      rejectionReason: { ...rejectionReason, nullable: true },
      moderationNote: { type: 'string', nullable: true },
      moderatedAt: { type: 'string', format: 'date-time', nullable: true },
      moderatedBy: {
        type: 'object',
        nullable: true,
        properties: { id: { type: 'integer' }, firstname: { type: 'string' }, lastname: { type: 'string' } },
      },
      ipHash: { type: 'string', nullable: true, description: 'A salted one-way hash, never the address.' },
      userAgent: { type: 'string', nullable: true },
      screening: { ...ref('Screening'), nullable: true },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' },
      article: {
        type: 'object',
        nullable: true,
        properties: { documentId: { type: 'string' }, title: { type: 'string' }, locale: { type: 'string' } },
      },
      authorHistory: ref('AuthorHistory'),
      parent: {
        type: 'object',
        nullable: true,
        description: 'The comment a reply answers; null for a comment of its own.',
        properties: { documentId: { type: 'string' }, body: { type: 'string' }, authorName: { type: 'string' } },
      },
      reports: {
        type: 'object',
        properties: {
          open: { ...counts, description: 'Reports not yet dismissed nor settled by a rejection.' },
          items: { type: 'array', items: ref('CommentReport'), description: 'Every report, newest first.' },
        },
      },
      reactions: ref('CommentReactions'),
      blocklistSpans: {
        type: 'array',
        description:
          'Where the blocklisted words screening found stand in `body`: [start, end) in UTF-16 units, for highlighting.',
        items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
      },
    },
  },
  ModerationEvent: {
    type: 'object',
    description: 'One decision of the audit trail. The email of who decided is kept in the record, not shown.',
    properties: {
      id: { type: 'integer' },
      commentDocumentId: { type: 'string' },
      commentExcerpt: { type: 'string', nullable: true, description: 'The start of the comment, null once deleted.' },
      fromStatus: { type: 'string', enum: [...MODERATION_STATUSES], nullable: true },
      toStatus: { type: 'string', enum: [...MODERATION_STATUSES] },
      reason: { ...rejectionReason, nullable: true },
      note: { type: 'string', nullable: true },
      actorId: { type: 'integer', nullable: true, description: 'The admin user; null for screening or the system.' },
      actorLabel: { type: 'string', nullable: true },
      occurredAt: { type: 'string', format: 'date-time' },
    },
  },
  ModeratorCommentResponse: { type: 'object', properties: { data: ref('ModeratorComment') } },
  ModerationSettings: {
    type: 'object',
    properties: {
      blocklist: {
        type: 'array',
        maxItems: SETTINGS_LIMITS.blocklistTerms,
        items: { type: 'string', minLength: 1, maxLength: SETTINGS_LIMITS.termLength },
      },
      autoReject: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(AUTO_REJECT_FLAGS.map((flag) => [flag, { type: 'boolean' }])),
      },
      relevanceThreshold: { type: 'number', minimum: 0, maximum: 1 },
      maxLinks: { type: 'integer', minimum: 0, maximum: SETTINGS_LIMITS.maxLinks },
      duplicateWindowMinutes: { type: 'integer', minimum: 0, maximum: SETTINGS_LIMITS.duplicateWindowMinutes },
      closeCommentsAfterDays: {
        type: 'integer',
        nullable: true,
        minimum: 1,
        maximum: SETTINGS_LIMITS.closeCommentsAfterDays,
        description:
          "Days after publication when an article stops taking comments; null: never. An article's `commentsEnabled: false` or own `commentsCloseAt` wins.",
      },
      reportThreshold: {
        type: 'integer',
        nullable: true,
        minimum: 1,
        maximum: SETTINGS_LIMITS.reportThreshold,
        description:
          'Open reports by distinct readers that move an approved comment back to pending (audited, actor `reports`); null (the default): off.',
      },
      rateLimit: {
        type: 'object',
        additionalProperties: false,
        description: '0 turns a limit off.',
        properties: {
          perMinute: { type: 'integer', minimum: 0, maximum: SETTINGS_LIMITS.perMinute },
          perHour: { type: 'integer', minimum: 0, maximum: SETTINGS_LIMITS.perHour },
        },
      },
    },
  },
};

/** What the environment fixes on this server beside the settings (null: the setting applies). */
const settingsMeta = {
  type: 'object',
  properties: {
    environment: {
      type: 'object',
      properties: {
        rateLimit: {
          type: 'object',
          properties: {
            perMinute: { type: 'integer', nullable: true, minimum: 0 },
            perHour: { type: 'integer', nullable: true, minimum: 0 },
          },
        },
      },
    },
  },
};
/** `from` / `to` of a date filter: a day (`to` counts it whole) or an ISO instant. */
const dateRange = (what: string) => [
  {
    name: 'from',
    in: 'query',
    schema: { type: 'string', format: 'date-time' },
    description: `${what} at or after (YYYY-MM-DD or an ISO date-time).`,
  },
  {
    name: 'to',
    in: 'query',
    schema: { type: 'string', format: 'date-time' },
    description: `${what} before (a YYYY-MM-DD day counts whole); not before \`from\`.`,
  },
];

const statusCounts = {
  type: 'object',
  properties: { total: counts, pending: counts, approved: counts, rejected: counts },
};

export const KHABAR_PATHS: Record<string, Schema> = {
  '/comments': {
    get: {
      tags: ['Comment'],
      summary: 'Approved comments (of published articles)',
      description:
        'Pending and rejected comments are never listed nor counted in `meta.pagination.total`. Filters, sorts and `fields` on private fields answer 400.',
      parameters: [
        { name: 'filters[article][documentId][$eq]', in: 'query', schema: { type: 'string' } },
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['createdAt:asc', 'createdAt:desc'] } },
        { name: 'pagination[page]', in: 'query', schema: { type: 'integer', minimum: 1 } },
        { name: 'pagination[pageSize]', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      ],
      responses: {
        '200': {
          description: 'Approved comments.',
          ...json({
            type: 'object',
            properties: {
              data: { type: 'array', items: ref('PublicComment') },
              meta: { type: 'object', properties: { pagination } },
            },
          }),
        },
        '400': errorResponse(
          400,
          'ValidationError',
          'A malformed query, or one naming a private field.',
          codesStarting('query_'),
        ),
      },
    },
    post: {
      tags: ['Comment'],
      summary: "Submit a reader's comment",
      description:
        'The comment is stored `pending` and is public only after a moderator approves it. Any other field in the body (a status, a moderator, an id) is ignored. Limited per client address (5 a minute, 30 an hour by default).',
      security: [],
      requestBody: { required: true, ...json(ref('CommentSubmissionRequest')) },
      responses: {
        '201': {
          description: 'Received; waits for review.',
          ...json({ type: 'object', properties: { data: ref('SubmittedComment') } }),
        },
        '400': errorResponse(
          400,
          'ValidationError',
          'Invalid input; `details.errors` names each field.',
          SUBMISSION_INPUT_CODES,
        ),
        '403': errorResponse(403, 'PolicyError', 'Comments are closed for this article.', ['comment_comments_closed']),
        '413': errorResponse(413, 'PayloadTooLargeError', 'The request is too large.', ['request_too_large']),
        '429': rateLimited('Too many comments from this address.', ['comment_rate_limited']),
      },
    },
  },
  '/comments/{id}': {
    get: {
      tags: ['Comment'],
      summary: 'One approved comment',
      parameters: [publicCommentIdParameter],
      responses: {
        '200': { description: 'The comment.', ...json({ type: 'object', properties: { data: ref('PublicComment') } }) },
        '404': hiddenCommentNotFound,
      },
    },
  },
  '/comments/{id}/reactions': {
    post: {
      tags: ['Comment'],
      summary: 'Agree or disagree with a published comment',
      description:
        "One reaction per reader per comment (a salted hash of the address plus the anonymous `khabar_reader` cookie, HttpOnly, SameSite=Lax, two years, set on the first successful reaction or report); a new kind replaces the reader's earlier one, the same kind again changes nothing. Limited per client address (60 a minute, 600 an hour).",
      security: [],
      parameters: [publicCommentIdParameter],
      requestBody: { required: true, ...json(ref('ReactionRequest')) },
      responses: {
        '200': {
          description: "The reader's reaction and the comment's counts.",
          headers: { 'Set-Cookie': { schema: { type: 'string' }, description: 'The reader cookie, when new.' } },
          ...json(ref('ReactionResponse')),
        },
        '400': errorResponse(400, 'ValidationError', 'No kind, or an unknown one.', ['reaction_kind_invalid']),
        '404': hiddenCommentNotFound,
        '429': rateLimited('Too many reactions from this address.', ['reader_action_rate_limited']),
      },
    },
  },
  '/comments/{id}/reports': {
    post: {
      tags: ['Comment'],
      summary: 'Report a published comment to the moderators',
      description:
        'One report per reader per comment (as for reactions). The comment stays published until a moderator acts; it enters the reported queue. Limited per client address (10 a minute, 60 an hour).',
      security: [],
      parameters: [publicCommentIdParameter],
      requestBody: { required: true, ...json(ref('ReportRequest')) },
      responses: {
        '201': { description: 'Reported.', ...json(ref('ReportResponse')) },
        '200': { description: 'This reader had already reported it: nothing changed.', ...json(ref('ReportResponse')) },
        '400': errorResponse(400, 'ValidationError', 'No reason, an unknown one, or a note too long.', [
          'report_reason_invalid',
          'report_note_too_long',
        ]),
        '404': hiddenCommentNotFound,
        '429': rateLimited('Too many reports from this address.', ['reader_action_rate_limited']),
      },
    },
  },
  '/moderation/comments/{documentId}/reports/dismiss': {
    servers: moderationServers,
    post: {
      tags: ['Moderation'],
      summary: "Dismiss a comment's open reports (it stays as it is)",
      description:
        'Each report keeps who dismissed it and when. To unpublish the comment instead, reject it: that settles its reports too.',
      security: [{ bearerAuth: [] }],
      parameters: [documentIdParameter],
      responses: {
        '200': { description: 'The comment after the change.', ...json(ref('ModeratorCommentResponse')) },
        ...moderationErrors,
        '404': errorResponse(404, 'NotFoundError', 'No such comment.', ['moderation_not_found']),
        '409': errorResponse(409, 'ConflictError', 'No open report to dismiss.', ['moderation_no_open_reports']),
      },
    },
  },
  '/moderation/comments': {
    servers: moderationServers,
    get: {
      tags: ['Moderation'],
      summary: 'The moderation queue, oldest first',
      security: [{ bearerAuth: [] }],
      parameters: [
        {
          name: 'moderationStatus',
          in: 'query',
          schema: { type: 'string', enum: [...MODERATION_STATUSES] },
        },
        { name: 'article', in: 'query', schema: { type: 'string' }, description: "An article's documentId." },
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['createdAt:asc', 'createdAt:desc'] } },
        {
          name: 'reported',
          in: 'query',
          schema: { type: 'string', enum: ['true', 'false'] },
          description: '`true`: the reported queue, comments with open reports, most reported first (sort ignored).',
        },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: LIMITS.queuePageMax } },
        {
          name: 'pageSize',
          in: 'query',
          schema: {
            type: 'integer',
            minimum: 1,
            maximum: LIMITS.queuePageSizeMax,
            default: LIMITS.queuePageSizeDefault,
          },
        },
        {
          name: 'flag',
          in: 'query',
          schema: { type: 'string', enum: [...SCREENING_FLAGS] },
          description: 'Comments screening raised this flag on.',
        },
        {
          name: 'reason',
          in: 'query',
          schema: rejectionReason,
          description: 'Comments rejected with this reason.',
        },
        ...dateRange('Received'),
        {
          name: 'q',
          in: 'query',
          schema: { type: 'string', minLength: SEARCH_MIN_CHARACTERS, maxLength: SEARCH_MAX_CHARACTERS },
          description: `Text the comment contains, compared after Persian normalization (Arabic-keyboard ی/ک, ZWNJ present or missing, harakat, digits). At least ${SEARCH_MIN_CHARACTERS} letters, so the trigram index can narrow the rows.`,
        },
      ],
      responses: {
        '200': {
          description: `Comments with every private field. \`meta.counts\`: the counts by status (of the article when \`article\` is given), for the tabs. A list filtered by \`flag\`, \`reason\`, \`from\`, \`to\` or \`q\` counts its matches up to ${LIMITS.filteredCountMax}; beyond, \`meta.totalIsCapped\` is true and the total means "at least".`,
          ...json({
            type: 'object',
            properties: {
              data: { type: 'array', items: ref('ModeratorComment') },
              meta: {
                type: 'object',
                properties: { pagination, counts: statusCounts, totalIsCapped: { type: 'boolean' } },
              },
            },
          }),
        },
        '400': errorResponse(400, 'ValidationError', 'A bad filter or page.', ['moderation_bad_query']),
        ...moderationErrors,
      },
    },
  },
  '/moderation/comments/{documentId}': {
    servers: moderationServers,
    get: {
      tags: ['Moderation'],
      summary: 'One comment with everything a moderator needs',
      security: [{ bearerAuth: [] }],
      parameters: [documentIdParameter],
      responses: {
        '200': { description: 'The comment.', ...json(ref('ModeratorCommentResponse')) },
        ...moderationErrors,
        '404': errorResponse(404, 'NotFoundError', 'No such comment.', ['moderation_not_found']),
      },
    },
  },
  '/moderation/comments/{documentId}/approve': moderationAction('approve', 'Approve (publish) a comment'),
  '/moderation/comments/{documentId}/reject': moderationAction('reject', 'Reject a comment, with a reason'),
  '/moderation/comments/{documentId}/reopen': moderationAction('reopen', 'Put a comment back to pending'),
  '/moderation/comments/bulk': {
    servers: moderationServers,
    post: {
      tags: ['Moderation'],
      summary: 'Approve, reject or reopen many comments: all or nothing',
      security: [{ bearerAuth: [] }],
      requestBody: { required: true, ...json(ref('BulkRequest')) },
      responses: {
        '200': {
          description: 'The comments after the change.',
          ...json({ type: 'object', properties: { data: { type: 'array', items: ref('ModeratorComment') } } }),
        },
        '400': errorResponse(400, 'ValidationError', 'A bad action, id list, reason or note.', [
          'moderation_bad_action',
          'moderation_bad_ids',
          'moderation_reason_required',
          'moderation_reason_not_allowed',
          'moderation_bad_note',
        ]),
        ...moderationErrors,
        '404': errorResponse(404, 'NotFoundError', 'One of the comments does not exist; nothing changed.', [
          'moderation_not_found',
        ]),
        '409': errorResponse(409, 'ConflictError', 'One transition is impossible; nothing changed.', [
          'moderation_already_in_status',
        ]),
      },
    },
  },
  '/moderation/events': {
    servers: moderationServers,
    get: {
      tags: ['Moderation'],
      summary: 'The audit trail of decisions, newest first',
      security: [{ bearerAuth: [] }],
      parameters: [
        {
          name: 'comment',
          in: 'query',
          schema: { type: 'string' },
          description: "One comment's history (its documentId).",
        },
        {
          name: 'actor',
          in: 'query',
          schema: { type: 'integer', minimum: 1 },
          description: 'The admin user who decided.',
        },
        { name: 'reason', in: 'query', schema: rejectionReason },
        ...dateRange('Decided'),
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: LIMITS.queuePageMax } },
        {
          name: 'pageSize',
          in: 'query',
          schema: {
            type: 'integer',
            minimum: 1,
            maximum: LIMITS.queuePageSizeMax,
            default: LIMITS.queuePageSizeDefault,
          },
        },
      ],
      responses: {
        '200': {
          description: 'Decisions; `meta.actors` lists the admin users a moderator can filter by.',
          ...json({
            type: 'object',
            properties: {
              data: { type: 'array', items: ref('ModerationEvent') },
              meta: {
                type: 'object',
                properties: {
                  pagination,
                  actors: {
                    type: 'array',
                    items: { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } },
                  },
                },
              },
            },
          }),
        },
        '400': errorResponse(400, 'ValidationError', 'A bad filter or page.', ['moderation_bad_query']),
        ...moderationErrors,
      },
    },
  },
  '/moderation/stats': {
    servers: moderationServers,
    get: {
      tags: ['Moderation'],
      summary: 'Counts by status overall, and one page of the articles with comments (the most pending first)',
      security: [{ bearerAuth: [] }],
      parameters: [
        {
          name: 'article',
          in: 'query',
          schema: { type: 'string' },
          description: 'Only this article (its documentId).',
        },
        {
          name: 'sort',
          in: 'query',
          schema: { type: 'string', enum: [...STATS_SORTS], default: 'pending' },
          description: 'The counter the articles are ordered by, the most first (then by documentId).',
        },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: LIMITS.queuePageMax } },
        {
          name: 'pageSize',
          in: 'query',
          schema: {
            type: 'integer',
            minimum: 1,
            maximum: LIMITS.statsPageSizeMax,
            default: LIMITS.statsPageSizeDefault,
          },
        },
      ],
      responses: {
        '200': {
          description: 'The counts.',
          ...json({
            type: 'object',
            properties: {
              data: {
                type: 'object',
                properties: {
                  overall: statusCounts,
                  articles: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        documentId: { type: 'string' },
                        title: { type: 'string', nullable: true },
                        ...statusCounts.properties,
                      },
                    },
                  },
                },
              },
              meta: { type: 'object', properties: { pagination } },
            },
          }),
        },
        '400': errorResponse(400, 'ValidationError', 'A bad sort or page.', ['moderation_bad_query']),
        ...moderationErrors,
      },
    },
  },
  '/moderation/stats/daily': {
    servers: moderationServers,
    get: {
      tags: ['Moderation'],
      summary: 'Moderation figures per day, today included (the home page widget)',
      description:
        "`received`: comments created that day; `pending`: of those, the ones still awaiting review; `approved` / `rejected`: comments a decision (moderation event) moved to that status that day, each comment once a day (screening's automatic rejections included). Days are calendar days in `timeZone`.",
      security: [{ bearerAuth: [] }],
      parameters: [
        {
          name: 'days',
          in: 'query',
          schema: {
            type: 'integer',
            minimum: 1,
            maximum: LIMITS.dailyStatsDaysMax,
            default: LIMITS.dailyStatsDaysDefault,
          },
        },
        {
          name: 'timeZone',
          in: 'query',
          schema: { type: 'string', default: 'UTC', example: 'Asia/Tehran' },
          description: 'An IANA time zone.',
        },
      ],
      responses: {
        '200': {
          description: 'One entry per day, oldest first, and the queue now.',
          ...json({
            type: 'object',
            properties: {
              data: {
                type: 'object',
                properties: {
                  timeZone: { type: 'string' },
                  days: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        date: { type: 'string', format: 'date' },
                        received: counts,
                        pending: counts,
                        approved: counts,
                        rejected: counts,
                      },
                    },
                  },
                  queue: { type: 'object', properties: { pending: counts } },
                },
              },
            },
          }),
        },
        '400': errorResponse(400, 'ValidationError', 'A bad number of days or time zone.', ['moderation_bad_query']),
        ...moderationErrors,
      },
    },
  },
  '/moderation/articles/{documentId}/counts': {
    servers: moderationServers,
    get: {
      tags: ['Moderation'],
      summary: "One article's comment counts (its edit view's side panel)",
      description:
        "Exact counts: `published` is approved comments under a published version; screening's automatic rejections count as `rejected` (the public `commentStats` shows them as pending).",
      security: [{ bearerAuth: [] }],
      parameters: [documentIdParameter],
      responses: {
        '200': {
          description: 'The counts.',
          ...json({
            type: 'object',
            properties: {
              data: {
                type: 'object',
                properties: {
                  documentId: { type: 'string' },
                  total: counts,
                  pending: counts,
                  published: counts,
                  approved: counts,
                  rejected: counts,
                },
              },
            },
          }),
        },
        ...moderationErrors,
        '404': errorResponse(404, 'NotFoundError', 'No such article.', ['moderation_article_not_found']),
      },
    },
  },
  '/moderation/settings': {
    servers: moderationServers,
    get: {
      tags: ['Moderation'],
      summary: 'The screening settings',
      security: [{ bearerAuth: [] }],
      responses: {
        '200': {
          description: 'The settings.',
          ...json({ type: 'object', properties: { data: ref('ModerationSettings'), meta: settingsMeta } }),
        },
        ...moderationErrors,
      },
    },
    put: {
      tags: ['Moderation'],
      summary: 'Change the screening settings (each given field is replaced, the whole blocklist included)',
      security: [{ bearerAuth: [] }],
      requestBody: { required: true, ...json(ref('ModerationSettings')) },
      responses: {
        '200': {
          description: 'The settings now.',
          ...json({ type: 'object', properties: { data: ref('ModerationSettings'), meta: settingsMeta } }),
        },
        '400': {
          description: 'An invalid setting: nothing changed. `error.details.code` is `moderation_bad_settings`.',
          ...json(ref('LocalizedError')),
        },
        ...moderationErrors,
      },
    },
  },
  '/moderation/screen': {
    servers: moderationServers,
    post: {
      tags: ['Moderation'],
      summary: 'The screening a new comment with this text would get',
      security: [{ bearerAuth: [] }],
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string', minLength: 1, maxLength: LIMITS.screenTextMax },
            article: { type: 'string', nullable: true, description: "An article's documentId." },
          },
        }),
      },
      responses: {
        '200': { description: 'The screening.', ...json({ type: 'object', properties: { data: ref('Screening') } }) },
        '400': errorResponse(400, 'ValidationError', 'No text, or a bad article id.', ['moderation_bad_query']),
        ...moderationErrors,
        '404': errorResponse(404, 'NotFoundError', 'No such article.', ['comment_article_not_found']),
      },
    },
  },
};

/** The override registered with the documentation plugin. */
export function khabarApiOverride() {
  return {
    tags: [
      { name: 'Comment', description: "Readers' comments: published only after a moderator approves them." },
      { name: 'Moderation', description: 'The moderation admin API (admin JWT from POST /admin/login).' },
    ],
    paths: KHABAR_PATHS,
    components: { schemas: KHABAR_SCHEMAS },
  };
}

/** Private fields: the generated schemas list them, but the public API never returns them. */
const PRIVATE_FIELDS = new Set([
  'authorEmail',
  'ipHash',
  'userAgent',
  'screening',
  'fingerprint',
  'moderationNote',
  'moderatedBy',
  'moderatedAt',
  'rejectionReason',
  'parentDocumentId',
]);
/** Generated from the comment type, which has no public shape of its own: PublicComment instead. */
const GENERATED_COMMENT_SCHEMAS = ['Comment', 'CommentRequest', 'CommentListResponse', 'CommentResponse'];

/**
 * Corrects what the plugin generates from the content types: articles carry `commentStats`
 * and never `comments` (private); no schema lists a private field; the generated comment
 * schemas (every column, private ones included) give way to PublicComment. Passed to the
 * plugin as `mutateDocumentation` (config/plugins.ts).
 */
export function correctGeneratedSchemas(document: { components?: { schemas?: Record<string, any> } }) {
  const schemas = document.components?.schemas ?? {};
  for (const name of GENERATED_COMMENT_SCHEMAS) delete schemas[name];
  const strip = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) strip(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    if (properties && typeof properties === 'object') {
      for (const key of Object.keys(properties)) {
        if (PRIVATE_FIELDS.has(key) || key === 'comments') delete properties[key];
      }
    }
    for (const value of Object.values(node)) strip(value);
  };
  for (const [name, schema] of Object.entries(schemas)) {
    if (!(name in KHABAR_SCHEMAS)) strip(schema);
  }
  const article = schemas.Article;
  if (article?.properties) {
    article.properties.commentStats = ref('CommentStats');
    article.properties.commentsOpen = {
      type: 'boolean',
      description:
        'Whether the article takes comments now: `commentsEnabled`, then `commentsCloseAt`, then the site-wide `closeCommentsAfterDays` from publication. Hide the form when false; its comments stay readable.',
    };
  }
}
