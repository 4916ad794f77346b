/**
 * Word-list matching on the matching key: whole words only, every disguise folded, common Persian
 * suffixes recognised, multi-word and split compound terms matched.
 */

import { type KeyWord, keyWords, matchingKey } from './normalize';

export interface BlocklistMatcher {
  /** The terms as written in the list. */
  readonly terms: readonly string[];
  /** How many word forms (term × suffix × spelling) the matcher looks up. */
  readonly formCount: number;
  /** The listed terms, as written in the list and in list order, that occur in the text. */
  match(text: string): string[];
  /** The same, for a text whose matching key the caller already has. */
  matchKey(key: string, text: string): string[];
}

/**
 * Endings whose ی-form is a derived abstract noun, not "you are X" / "an X": کلاهبرداری is fraud,
 * رشوه‌خواری bribery. A term ending in one of these takes no ی suffix.
 */
const AGENT_ENDINGS = ['گر', 'خوار', 'خور', 'فروش', 'گو', 'کار', 'باز', 'بردار', 'دار', 'گیر', 'ساز', 'پرست', 'پرور'];

/**
 * ی-forms of simple nouns that are ordinary newsroom words: theft, espionage, servitude ... These
 * are never read as the listed insult plus a suffix.
 */
const ABSTRACT_NOUNS = new Set(['دزدی', 'جاسوسی', 'نوکری', 'مزدوری', 'شیادی'].map(matchingKey));

/** Term followed by these plural / comparative endings, in key form (no ZWNJ). */
const PLAIN_SUFFIXES = ['ها', 'های', 'هایی', 'هایش', 'هایشان', 'تر', 'ترین', 'تری', 'ترها'];

/**
 * Possessive enclitics: "your X", "their X" (مزدورت، نوکرشون، دزدهاتون). The first person (م،
 * مان) is left out where it reads "I am X" or is a courtesy (نوکرم، نوکرتم "at your service"):
 * only مون "our X", said of others, is taken.
 */
const ENCLITICS = ['ش', 'ت', 'شان', 'تان', 'شون', 'تون', 'مون'];
/** The plural endings an enclitic may follow: دزدهاشون، مزدوراتون. */
const PLURALS_BEFORE_ENCLITIC = ['ها'];

/**
 * Arabic plurals Persian readers give any noun, most of all in insults: خائنین، مزدورین،
 * جاسوسین، خائنون، and the ات of words like فاسدات.
 */
const ARABIC_PLURALS = ['ین', 'ون', 'ات'];

function endsWithVowelLetter(word: string): boolean {
  return word.endsWith('ا') || word.endsWith('و');
}

function takesYehSuffix(form: string): boolean {
  return !AGENT_ENDINGS.some((ending) => form.endsWith(ending));
}

/**
 * The word forms a term takes in running text (plurals, comparatives, colloquial endings,
 * possessive enclitics and, where unambiguous, ی), and the ی-forms deliberately not taken, which
 * must never match by another route.
 */
function inflections(form: string): { taken: string[]; refused: string[] } {
  const taken = [form, ...PLAIN_SUFFIXES.map((suffix) => form + suffix)];
  const refused: string[] = [];
  const consonantFinal = !form.endsWith('ه') && !endsWithVowelLetter(form);
  // The ان plural: دزدان, دروغگویان, خودفروختگان.
  if (form.endsWith('ه')) taken.push(`${form.slice(0, -1)}گان`);
  else if (endsWithVowelLetter(form)) taken.push(`${form}یان`);
  else taken.push(`${form}ان`);
  // Arabic plurals on a word ending in a consonant: خائنین، مزدورین، خائنون.
  if (consonantFinal) for (const plural of ARABIC_PLURALS) taken.push(form + plural);
  // Colloquial: the copula or definite ه (دزده, مزدوره) and the plural ا (دزدا).
  if (consonantFinal) taken.push(`${form}ه`, `${form}ا`);

  // Enclitics, on the word and on its plurals: مزدورش، دزدهاشون، دزداتون، خودفروخته‌اش.
  const plurals = [...PLURALS_BEFORE_ENCLITIC.map((plural) => form + plural), ...(consonantFinal ? [`${form}ا`] : [])];
  for (const enclitic of ENCLITICS) {
    for (const plural of plurals) taken.push(plural + enclitic);
    if (form.endsWith('ه')) {
      if (enclitic.length === 1) taken.push(`${form}ا${enclitic}`);
      else taken.push(form + enclitic);
    } else taken.push(form + enclitic);
  }

  if (form.endsWith('ه')) taken.push(`${form}ای`, `${form}ی`);
  else if (endsWithVowelLetter(form)) {
    taken.push(`${form}ی`); // ezafe: دروغگوی بزرگ
    (takesYehSuffix(form) ? taken : refused).push(`${form}یی`);
  } else (takesYehSuffix(form) ? taken : refused).push(`${form}ی`);

  return {
    taken: taken.filter((word) => !ABSTRACT_NOUNS.has(word)),
    refused: [...refused, ...taken.filter((word) => ABSTRACT_NOUNS.has(word))],
  };
}

/** Collapse every doubled letter: مزدوور and مزدور meet here (three or more is in the key already). */
function squeeze(word: string): string {
  let first = 1;
  while (first < word.length && word.charCodeAt(first) !== word.charCodeAt(first - 1)) first++;
  if (first >= word.length) return word;
  let out = word.slice(0, first);
  for (let i = first + 1; i < word.length; i++) if (word.charCodeAt(i) !== word.charCodeAt(i - 1)) out += word[i];
  return out;
}

/** Text that LRO/RLO makes display reversed: the reversed run is what a reader sees. */
const OVERRIDE_RUN = /[\u202D\u202E]([^\u202C\u2069\n]*)/gu;

function displayedOverrideRuns(text: string): string[] {
  const runs: string[] = [];
  for (const match of text.matchAll(OVERRIDE_RUN)) {
    const run = match[1] ?? '';
    if (run) runs.push(Array.from(run).reverse().join(''));
  }
  return runs;
}

export function compileBlocklist(terms: readonly string[]): BlocklistMatcher {
  const list = [...terms];
  // Word form (spaced and compact spelling, each also squeezed) → indexes of the terms it belongs to.
  const forms = new Map<string, Set<number>>();
  // Abstract nouns and the like (دروغگویی, جاسوسی): never matched, not even once squeezed.
  const refusedForms = new Set<string>();
  let maxWords = 1;

  const add = (form: string, termIndex: number): void => {
    for (const key of new Set([form, squeeze(form)])) {
      const owners = forms.get(key) ?? new Set<number>();
      owners.add(termIndex);
      forms.set(key, owners);
    }
  };

  // A term listed twice is reported once, under its first position.
  const firstIndex = new Map<string, number>();
  list.forEach((term, index) => {
    if (firstIndex.has(term)) return;
    firstIndex.set(term, index);
    const words = keyWords(matchingKey(term)).map((w) => w.word);
    if (words.length === 0) return;
    maxWords = Math.max(maxWords, words.length);
    for (const spelling of new Set([words.join(' '), words.join('')])) {
      const { taken, refused } = inflections(spelling);
      for (const form of taken) add(form, index);
      for (const form of refused) refusedForms.add(form);
    }
  });

  // Every beginning of every form: a scan stops extending a candidate as soon as no form starts so.
  const beginnings = new Set<string>();
  for (const form of forms.keys()) {
    for (let length = 1; length <= form.length; length++) beginnings.add(form.slice(0, length));
  }

  // A compound may be split by a space (وطن فروش, دروغ گو) and a suffix detached: one extra word
  // for each.
  const maxSpan = maxWords + 2;

  const lookUp = (candidate: string, squeezed: string, found: Set<number>): void => {
    if (refusedForms.has(candidate)) return;
    const owners = forms.get(candidate) ?? forms.get(squeezed);
    if (owners) for (const index of owners) found.add(index);
  };

  const scan = (key: string, found: Set<number>): void => {
    const words = keyWords(key);
    const squeezedWords = words.map(({ word }) => squeeze(word));
    for (let i = 0; i < words.length; i++) {
      let spaced = '';
      let compact = '';
      let spacedSqueezed = '';
      let compactSqueezed = '';
      // Joining words without their space is only tried for parts of two letters or more, so
      // single letters and "و" never glue innocent neighbours into a listed word.
      let compactable = true;
      for (let span = 0; span < maxSpan && i + span < words.length; span++) {
        const { word, start } = words[i + span] as KeyWord;
        if (span > 0) {
          if (key.slice((words[i + span - 1] as KeyWord).end, start) !== ' ') break;
          spaced += ' ';
          spacedSqueezed += ' ';
        }
        spaced += word;
        compact += word;
        spacedSqueezed += squeezedWords[i + span];
        compactSqueezed += squeezedWords[i + span];
        compactable &&= word.length >= 2;

        const spacedAlive = beginnings.has(spaced) || beginnings.has(spacedSqueezed);
        const compactAlive = span > 0 && compactable && (beginnings.has(compact) || beginnings.has(compactSqueezed));
        if (!spacedAlive && !compactAlive) break;
        if (spacedAlive) lookUp(spaced, spacedSqueezed, found);
        if (compactAlive) lookUp(compact, compactSqueezed, found);
      }
    }
  };

  return {
    terms: list,
    formCount: forms.size,
    match(text: string): string[] {
      return this.matchKey(matchingKey(text), text);
    },
    matchKey(key: string, text: string): string[] {
      if (forms.size === 0) return [];
      const found = new Set<number>();
      scan(key, found);
      for (const run of displayedOverrideRuns(text)) scan(matchingKey(run), found);
      return [...found].sort((a, b) => a - b).map((index) => list[index] as string);
    },
  };
}

/** Recently compiled lists, keyed by their content: settings are re-read as new arrays. */
const compiled = new Map<string, BlocklistMatcher>();
const CACHE_SIZE = 8;

/** A compiled matcher for a list, reused while the list's content is unchanged. */
export function blocklistMatcher(terms: readonly string[]): BlocklistMatcher {
  const cacheKey = terms.join('\u0000');
  let matcher = compiled.get(cacheKey);
  if (!matcher) {
    matcher = compileBlocklist(terms);
    if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
    compiled.set(cacheKey, matcher);
  }
  return matcher;
}

/** The listed terms, as written in the list, that occur in the text. */
export function findBlocklisted(text: string, terms: readonly string[]): string[] {
  return blocklistMatcher(terms).match(text);
}
