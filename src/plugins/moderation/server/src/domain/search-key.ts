/**
 * The key a moderator's search compares: the comment text with the spellings that differ only by
 * keyboard folded to one (Arabic yeh/kaf, teh marbuta, heh and alef shapes, Persian and
 * Arabic-Indic digits), with the characters that do not change the word dropped (ZWNJ, tatweel,
 * harakat, invisible joiners), and lower-cased. The database holds the same key as an indexed
 * expression (khabar_search_key, built from this table by ../desk-indexes.ts), so "ميكند",
 * "میکند" and "می‌کند" all find each other without a full scan.
 *
 * Deliberately lighter than screening's matching key (../screening/normalize.ts): it is a
 * character-for-character fold PostgreSQL's `translate` can do in an immutable function.
 */

/** A character and what it becomes ('' drops it). */
export const SEARCH_FOLDS: Readonly<Record<string, string>> = (() => {
  const folds: Record<string, string> = {
    '\u064A': 'ی', // ي Arabic yeh
    '\u0649': 'ی', // ى alef maksura
    '\u0626': 'ی', // ئ
    '\u0643': 'ک', // ك Arabic kaf
    '\u0629': 'ه', // ة teh marbuta
    '\u06C0': 'ه', // ۀ
    '\u06BE': 'ه', // ھ
    '\u06C1': 'ه', // ہ
    '\u0623': 'ا', // أ
    '\u0625': 'ا', // إ
    '\u0671': 'ا', // ٱ
    '\u0624': 'و', // ؤ
    '\u200C': '', // ZWNJ: present, missing or dropped, one key
    '\u200D': '', // ZWJ
    '\u200B': '', // zero-width space
    '\u00AD': '', // soft hyphen
    '\uFEFF': '',
    '\u0640': '', // tatweel
  };
  // Harakat, shadda, sukun and superscript alef.
  for (let code = 0x064b; code <= 0x065f; code++) folds[String.fromCharCode(code)] = '';
  folds['\u0670'] = '';
  for (let digit = 0; digit <= 9; digit++) {
    folds[String.fromCharCode(0x06f0 + digit)] = String(digit);
    folds[String.fromCharCode(0x0660 + digit)] = String(digit);
  }
  return folds;
})();

const FOLDABLE = new RegExp(`[${Object.keys(SEARCH_FOLDS).join('')}]`, 'gu');

/** The search key of a text (see above). Also applied to the query, so both sides meet. */
export function searchKey(text: string): string {
  return text.replace(FOLDABLE, (char) => SEARCH_FOLDS[char] ?? char).toLowerCase();
}

/**
 * The two arguments of PostgreSQL's `translate(text, from, to)` that apply SEARCH_FOLDS: the
 * characters replaced first, in the order of their replacements, then those dropped (translate
 * drops a `from` character with no counterpart in `to`).
 */
export function translateArguments(): { from: string; to: string } {
  const entries = Object.entries(SEARCH_FOLDS);
  const replaced = entries.filter(([, to]) => to !== '');
  const dropped = entries.filter(([, to]) => to === '');
  return {
    from: [...replaced, ...dropped].map(([from]) => from).join(''),
    to: replaced.map(([, to]) => to).join(''),
  };
}

/** A search shorter than this (after folding, without spaces) cannot use a trigram index. */
export const SEARCH_MIN_CHARACTERS = 3;
export const SEARCH_MAX_CHARACTERS = 200;
