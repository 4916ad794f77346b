/** A JSON-like object: not null, not a list. Query parameters and request bodies are checked with it. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
