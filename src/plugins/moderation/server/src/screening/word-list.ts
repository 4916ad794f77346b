/**
 * The word list as moderators edit it in the settings page: a term typed or imported is stored
 * in one Persian spelling, and a term the list already holds under another spelling is dropped.
 * Pure (the admin panel imports it); matching itself always uses the screening's matching key.
 */

import { SETTINGS_LIMITS } from '../domain/vocabulary';
import { matchingKey } from './normalize';

/** Arabic-keyboard letters and their Persian spelling: a list reads as Persian. */
const PERSIAN_LETTERS: Readonly<Record<string, string>> = {
  '\u064A': '\u06CC', // ي → ی
  '\u0649': '\u06CC', // ى → ی
  '\u0643': '\u06A9', // ك → ک
};
const ARABIC_LETTERS = /[\u064A\u0649\u0643]/gu;
/** Tatweel, harakat and other combining marks; invisible characters except ZWNJ (the half-space). */
const MARKS_AND_INVISIBLES =
  /\u200D|[\u0640\p{M}\u200B\u2060\uFEFF\u00AD\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Persian and Arabic-Indic digits written as ASCII: one spelling of a number. */
const DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/gu;

/**
 * The spelling a term is stored in: presentation forms folded (NFKC), Persian yeh and kaf,
 * no tatweel, diacritics or invisible characters (ZWNJ kept), single spaces, trimmed.
 */
export function normalizeTerm(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(MARKS_AND_INVISIBLES, '')
    .replace(ARABIC_LETTERS, (letter) => PERSIAN_LETTERS[letter] ?? letter)
    .replace(DIGITS, (digit) => String((digit.charCodeAt(0) & 0xf) % 10))
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The terms of an imported text file: one a line, normalized, blank lines skipped. */
export function termsOfFile(text: string): string[] {
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map(normalizeTerm)
    .filter((term) => term !== '');
}

export interface TermsMerge {
  /** The list after the merge: the current terms, then the new ones in their order. */
  list: string[];
  /** Terms that were not on the list (under any spelling). */
  added: string[];
  /** Terms dropped because the list (or an earlier line) already holds them under some spelling. */
  duplicates: string[];
  /** Terms dropped because they are longer than a term may be. */
  tooLong: string[];
}

/**
 * Adds terms to a list. Two spellings with the same matching key (کتک / كتك, می‌زند / میزند)
 * are one term: the one already listed, or the first one given, is kept.
 */
export function mergeTerms(current: readonly string[], incoming: readonly string[]): TermsMerge {
  const seen = new Set(current.map(matchingKey));
  const result: TermsMerge = { list: [...current], added: [], duplicates: [], tooLong: [] };
  for (const raw of incoming) {
    const term = normalizeTerm(raw);
    if (term === '') continue;
    if (term.length > SETTINGS_LIMITS.termLength) {
      result.tooLong.push(term);
      continue;
    }
    const key = matchingKey(term);
    if (seen.has(key)) {
      result.duplicates.push(term);
      continue;
    }
    seen.add(key);
    result.added.push(term);
    result.list.push(term);
  }
  return result;
}
