/**
 * Text PostgreSQL cannot store as sent: a NUL character (refused with an error, a 500 if
 * unchecked) or a lone UTF-16 surrogate (silently replaced by U+FFFD, so what is stored is not
 * what was sent). Requests holding either are refused with a 400 instead.
 */
const NUL = '\u0000';
// With the `u` flag a surrogate pair is one code point; only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;

export const isUnsafeText = (text: string) => text.includes(NUL) || LONE_SURROGATE.test(text);

/** Whether any string in a parsed query or JSON body, key or value, at any depth, is unsafe. */
export function holdsUnsafeText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return isUnsafeText(value);
  // Parsers bound the depth already; this only keeps a hostile structure from costing more.
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  return Object.entries(value).some(([key, inner]) => isUnsafeText(key) || holdsUnsafeText(inner, depth + 1));
}
