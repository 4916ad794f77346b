/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing
 * connections, or every pooled connection busy past the acquire timeout), as opposed to a bad
 * query. Such a request is answered 503 with Retry-After: the reader may try again, nothing
 * about the request was wrong. Pure, so it is unit-tested on the shapes pg and knex produce.
 */

// Node socket errors when the server is gone or unreachable.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutdown, crash
// recovery, "cannot connect now" while starting), 53300 (too many connections).
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

const MESSAGES = [
  /Timeout acquiring a connection/i,
  /Connection terminated/i,
  /connection error/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /terminating connection due to administrator command/i,
  /Client was closed and is not queryable/i,
  /Unable to acquire a connection/i,
];

function matchesOne(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (name === 'KnexTimeoutError') return true;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
  return typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message));
}

/** Looks at the error and what it wraps (`cause`, an AggregateError's `errors`), a few levels deep. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  if (matchesOne(error)) return true;
  const { cause, errors } = error as { cause?: unknown; errors?: unknown };
  if (cause !== undefined && isDatabaseUnavailable(cause, depth + 1)) return true;
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
