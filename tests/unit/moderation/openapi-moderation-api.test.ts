import { KHABAR_PATHS, KHABAR_SCHEMAS } from '../../../src/openapi/khabar-api';
import {
  AUTO_REJECT_FLAGS,
  LIMITS,
  MODERATION_ACTIONS,
  MODERATION_STATUSES,
  REJECTION_REASONS,
  SCREENING_FLAGS,
} from '../../../src/plugins/moderation/server/src/domain/vocabulary';
import adminRoutes from '../../../src/plugins/moderation/server/src/routes/admin';
import { DEFAULT_SETTINGS } from '../../../src/plugins/moderation/server/src/settings';

/**
 * The OpenAPI document's moderation API (src/openapi/khabar-api.ts) is the moderation plugin's
 * admin router, route for route, with the plugin's own enumerations and limits.
 */
type Operation = {
  security?: unknown;
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
};

/** `/comments/:documentId/approve` under the plugin's prefix → `/moderation/comments/{documentId}/approve`. */
const documentedPath = (path: string) => `${adminRoutes.prefix}${path.replace(/:(\w+)/g, '{$1}')}`;

const pluginOperations = adminRoutes.routes.map((route) => `${route.method} ${documentedPath(route.path)}`).sort();

const documentedOperations = Object.entries(KHABAR_PATHS)
  .filter(([path]) => path.startsWith('/moderation/'))
  .flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  )
  .sort();

const operation = (path: string, method: string) => (KHABAR_PATHS[path] as Record<string, Operation>)[method];
const schema = (name: string) => KHABAR_SCHEMAS[name] as { properties: Record<string, any> };

describe('the OpenAPI description of the moderation API', () => {
  it('documents every route of the plugin, and no other', () => {
    expect(adminRoutes.type).toBe('admin');
    expect(documentedOperations).toEqual(pluginOperations);
  });

  it('asks an admin token of every route and declares its path parameters', () => {
    for (const route of adminRoutes.routes) {
      const path = documentedPath(route.path);
      const documented = operation(path, route.method.toLowerCase());
      expect(documented.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(documented.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
      const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
      const declared = (documented.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared).toEqual(pathParameters);
    }
  });

  it("uses the plugin's statuses, reasons, actions and flags", () => {
    expect(schema('RejectRequest').properties.reason.enum).toEqual([...REJECTION_REASONS]);
    expect(schema('BulkRequest').properties.action.enum).toEqual([...MODERATION_ACTIONS]);
    expect(schema('BulkRequest').properties.reason.enum).toEqual([...REJECTION_REASONS]);
    expect(schema('ModeratorComment').properties.moderationStatus.enum).toEqual([...MODERATION_STATUSES]);
    expect(schema('ModeratorComment').properties.rejectionReason.enum).toEqual([...REJECTION_REASONS]);
    expect(schema('Screening').properties.flags.items.enum).toEqual([...SCREENING_FLAGS]);
    expect(schema('Screening').properties.suggestedReason.enum).toEqual([...REJECTION_REASONS]);
    const queueStatus = operation('/moderation/comments', 'get').parameters?.find(
      (parameter) => parameter.name === 'moderationStatus',
    ) as unknown as { schema: { enum: string[] } };
    expect(queueStatus.schema.enum).toEqual([...MODERATION_STATUSES]);
  });

  it('reports relevance as the plugin does: null without an article to compare with', () => {
    expect(schema('Screening').properties.relevance.nullable).toBe(true);
  });

  it("uses the plugin's limits", () => {
    expect(schema('BulkRequest').properties.documentIds.maxItems).toBe(LIMITS.bulkMax);
    expect(schema('BulkRequest').properties.note.maxLength).toBe(LIMITS.moderationNoteMax);
    expect(schema('TransitionNote').properties.note.maxLength).toBe(LIMITS.moderationNoteMax);
    const pageSize = operation('/moderation/comments', 'get').parameters?.find(
      (parameter) => parameter.name === 'pageSize',
    ) as unknown as { schema: { maximum: number } };
    expect(pageSize.schema.maximum).toBe(LIMITS.queuePageSizeMax);
  });

  it('describes the settings with exactly their keys', () => {
    const settings = schema('ModerationSettings').properties;
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect(Object.keys(settings.autoReject.properties)).toEqual([...AUTO_REJECT_FLAGS]);
    expect(Object.keys(settings.rateLimit.properties).sort()).toEqual(Object.keys(DEFAULT_SETTINGS.rateLimit).sort());
  });
});
