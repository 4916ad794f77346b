/** Pieces of a comment's text, those inside a span marked (the blocklisted words). */
export function markedPieces(body: string, spans: readonly (readonly [number, number])[]) {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > body.length || end <= start) continue;
    if (start > at) pieces.push({ text: body.slice(at, start), marked: false });
    pieces.push({ text: body.slice(start, end), marked: true });
    at = end;
  }
  if (at < body.length) pieces.push({ text: body.slice(at), marked: false });
  return pieces;
}

/** The interface language the desk writes in: Persian for `fa*`, English otherwise. */
export const languageOf = (locale: string): 'fa' | 'en' => (locale.startsWith('fa') ? 'fa' : 'en');

/** The direction of the interface language. */
export const directionOf = (language: 'fa' | 'en'): 'rtl' | 'ltr' => (language === 'fa' ? 'rtl' : 'ltr');

/** A date and time as the interface shows it: Solar Hijri with Persian digits in Persian. */
export function formatDateTime(iso: string | null | undefined, language: 'fa' | 'en'): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A number in the interface's digits. */
export const formatNumber = (value: number, language: 'fa' | 'en') =>
  new Intl.NumberFormat(language === 'fa' ? 'fa-IR' : 'en-US').format(value);

/**
 * The values of a message with their numbers written in the interface's digits (react-intl
 * writes a plain `{count}` argument as ASCII digits whatever the language). Text is left as given.
 */
export function withLocalDigits(
  values: Record<string, string | number>,
  language: 'fa' | 'en',
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'number' ? formatNumber(value, language) : value,
    ]),
  );
}

/**
 * A name set into a sentence of the other direction, isolated (U+2068 … U+2069): a Latin name
 * in a Persian sentence would otherwise pull the digits after it into its own left-to-right
 * run ("…به دست Chief Admin، ۹ آذر" showed the day before the name).
 */
export const isolated = (text: string) => `\u2068${text}\u2069`;

/** Items named in a sentence, with the comma of the language (Persian writes «،»). */
export const listOf = (items: readonly string[], language: 'fa' | 'en') => items.join(language === 'fa' ? '، ' : ', ');

/** From one status to the next, pointing the way the line reads. */
export const arrow = (language: 'fa' | 'en') => (language === 'fa' ? '←' : '→');
