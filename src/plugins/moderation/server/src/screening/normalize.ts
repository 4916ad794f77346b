/**
 * Persian text normalization for matching.
 *
 * The text a reader wrote is never changed: everything here produces a *matching key*, a form
 * that is identical for every way the same words can be typed or disguised, and is used only to
 * compare, count and look words up.
 */

/**
 * Bidi formatting that changes how the text around it is laid out: embeddings, overrides,
 * isolates. The marks (ALM, LRM, RLM) that Persian keyboards insert around Latin words are not
 * counted: flagging them would fill the queue with ordinary comments.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** LRO/RLO force the display order, so reversed text displays as a normal word. */
const BIDI_OVERRIDE = /[\u202D\u202E]/u;

/**
 * Everything that does not change which word a reader sees, removed in one pass:
 * - invisible characters slipped inside a word (U+200B, U+200D, U+2060, U+FEFF, U+00AD, bidi
 *   controls, variation selectors, tags ...);
 * - ZWNJ, the Persian half-space: present, missing or replaced by a space must give one key, so
 *   it is dropped here and the common detached affixes are rejoined below;
 * - combining marks (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel.
 */
const INVISIBLE_OR_MARK = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u0640]/gu;

/**
 * One spelling per letter and digit. Arabic-keyboard yeh/kaf, heh and teh-marbuta shapes, hamza
 * carriers and regional letter shapes fold to the Persian letter a reader would recognise as the
 * same; Persian and Arabic-Indic digits to ASCII. Alef with madda (آ) is kept: it is a distinct
 * Persian letter.
 */
const FOLDS: Readonly<Record<string, string>> = {
  '\u064A': 'ی', // ي Arabic yeh
  '\u0649': 'ی', // ى alef maksura
  '\u0626': 'ی', // ئ yeh with hamza
  '\u06CE': 'ی', // ێ
  '\u06D2': 'ی', // ے yeh barree
  '\u0643': 'ک', // ك Arabic kaf
  '\u06AA': 'ک', // ڪ swash kaf
  '\u0629': 'ه', // ة teh marbuta
  '\u06C0': 'ه', // ۀ heh with yeh above
  '\u06C2': 'ه', // ۂ
  '\u06C3': 'ه', // ۃ
  '\u06BE': 'ه', // ھ heh doachashmee
  '\u06C1': 'ه', // ہ heh goal
  '\u06D5': 'ه', // ە ae
  '\u0623': 'ا', // أ
  '\u0625': 'ا', // إ
  '\u0671': 'ا', // ٱ alef wasla
  '\u0672': 'ا', // ٲ
  '\u0673': 'ا', // ٳ
  '\u0624': 'و', // ؤ
  '\u06C4': 'و', // ۄ
  '\u06C5': 'و', // ۅ
  '\u06C6': 'و', // ۆ
  '\u06C7': 'و', // ۇ
  '\u06C9': 'و', // ۉ
  '\u0621': '', // ء standalone hamza: often omitted (اجزاء / اجزا)
  '\u060C': ',', // ، Arabic comma
  '\u061B': ';', // ؛
  '\u061F': '?', // ؟
  '\u066A': '%', // ٪
  '\u066B': '.', // ٫ decimal separator
  '\u066C': ',', // ٬ thousands separator
};
for (let digit = 0; digit <= 9; digit++) {
  (FOLDS as Record<string, string>)[String.fromCharCode(0x06f0 + digit)] = String(digit);
  (FOLDS as Record<string, string>)[String.fromCharCode(0x0660 + digit)] = String(digit);
}
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

const WHITE_SPACE = /\s+/gu;

/**
 * A run of three or more single letters separated only by spaces or light punctuation
 * (م ز د و ر, م.ز.د.و.ر): a word spelled out to dodge a word list. The cheap pattern without
 * Unicode classes or lookbehind rules most texts out before the exact one runs.
 */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?![\p{L}\p{N}])(?:[ .\-_*·•|/\\+]+\p{L}(?![\p{L}\p{N}])){2,}/gu;
const MAYBE_SPACED_LETTERS =
  /(?:^|[ .\-_*·•|/\\+])[^ .\-_*·•|/\\+][ .\-_*·•|/\\+]+[^ .\-_*·•|/\\+][ .\-_*·•|/\\+]+[^ .\-_*·•|/\\+](?:[ .\-_*·•|/\\+]|$)/u;
const NOT_LETTER = /[^\p{L}]/gu;

/**
 * Verbal and negative prefixes typed as a separate word (می کند, نمی دانم, بی شرف) are joined to
 * the next word, as they are when written with ZWNJ or nothing between.
 */
const DETACHED_PREFIX = /(?<![\p{L}\p{N}])(نمی|می|بی) (?=\p{Script=Arabic})/gu;

/**
 * Plural and superlative suffixes typed as a separate word (کتاب ها, بزرگ ترین) are joined to the
 * Persian word before them. (The word before is checked in code: a leading lookbehind makes V8
 * try the pattern at every position.)
 */
const DETACHED_SUFFIX = / (هایشان|هایتان|هایمان|هایش|هایت|هایم|هایی|های|ها|ترین)(?![\p{L}\p{N}])/gu;
const ARABIC_SCRIPT_LETTER = /(?=\p{Script=Arabic})\p{L}/u;

const WORD = /[\p{L}\p{N}]+/gu;

/** A letter written three or more times in a row (مزدووور, sooo). Digits are left alone. */
const REPEATED_LETTER = /(\p{L})\1{2,}/gu;

function hasTripleRun(text: string): boolean {
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2)) return true;
  }
  return false;
}

function joinDetachedSuffix(match: string, suffix: string, offset: number, text: string): string {
  return offset > 0 && ARABIC_SCRIPT_LETTER.test(text.charAt(offset - 1)) ? suffix : match;
}

/**
 * The matching key of a text: the same for every way a reader can type or disguise the same
 * words. Word order, punctuation and emoji are kept, so two different comments keep different keys.
 */
export function matchingKey(text: string): string {
  let key = text
    // Presentation forms (ﻣﺰﺩﻭﺭ), ligatures and full-width letters to their base letters.
    .normalize('NFKC')
    .replace(INVISIBLE_OR_MARK, '')
    .replace(FOLDABLE, (char) => FOLDS[char] ?? char)
    .toLowerCase()
    .replace(WHITE_SPACE, ' ')
    .trim();
  if (MAYBE_SPACED_LETTERS.test(key)) key = key.replace(SPACED_LETTERS, (run) => run.replace(NOT_LETTER, ''));
  key = key.replace(DETACHED_PREFIX, '$1').replace(DETACHED_SUFFIX, joinDetachedSuffix);
  return hasTripleRun(key) ? key.replace(REPEATED_LETTER, '$1') : key;
}

/** Whether the text contains an embedding, override or isolate. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Whether the text contains LRO/RLO, the characters that make reversed text look normal. */
export function hasBidiOverride(text: string): boolean {
  return BIDI_OVERRIDE.test(text);
}

/** A word of a matching key, with its position in that key. */
export interface KeyWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The words of a matching key with their positions. Boundaries are Unicode-aware (letters and
 * digits of any script); JavaScript's `\b` only knows ASCII and must never be used on Persian.
 */
export function keyWords(key: string): KeyWord[] {
  const words: KeyWord[] = [];
  for (const match of key.matchAll(WORD)) {
    const start = match.index ?? 0;
    words.push({ word: match[0], start, end: start + match[0].length });
  }
  return words;
}

/** The normalized word tokens of a text. */
export function tokens(text: string): string[] {
  return matchingKey(text).match(WORD) ?? [];
}
