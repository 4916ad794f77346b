/**
 * How much a comment talks about its article: the share of the comment's informative words that
 * the article also uses, title words counting most.
 *
 * - Words are weighed by how informative they are on this site (document frequencies over its
 *   published articles, see frequencies.ts): a word every article uses ties a comment to none.
 * - Two-word names of the article ("کره شمالی") are one term. A word that, in the article, stands
 *   mostly inside such a name and that other articles use in other senses ("شمالی") counts little
 *   on its own: "هوای شمال" is not about North Korea.
 * - The article's other language versions count too (a comment may name "Putin" or "Kim").
 * - A count the article repeats before one of its nouns ("دو کشور", "دو رهبر") is how it names its
 *   parties: a comment using the same counted noun refers to them, however common the noun.
 * - One weak shared word is not enough: the share is scaled down until the shared words add up
 *   to at least one strong one.
 *
 * A weak signal: short on-topic comments ("حق با شماست") share no word with their article. It may
 * order or flag comments, never reject one on its own.
 */

import type { DocumentFrequencies } from './frequencies';
import { matchingKey, tokens } from './normalize';

/**
 * Common Persian function words, colloquial forms and courtesy words, written normally and keyed
 * at load. Words that carry no topic.
 */
const STOPWORDS_WRITTEN = `
  و در به از که این آن را با برای است هست نیست بود شد شده می نمی هم یا اما ولی تا اگر چون
  چه چرا کجا کی کدام هر همه هیچ یک یه دو من تو او ما شما آنها ایشان اینها خود خودش خودم
  خودت اینکه آنکه باید نباید شاید خیلی بسیار کم زیاد بیشتر کمتر دیگر دیگه فقط حتی هنوز
  الان اکنون حالا امروز دیروز فردا پس پیش بعد قبل روی زیر بالا پایین کنار بین میان درباره
  مورد طور چنین چنان همین همان چیزی چیز کسی جایی وقتی زمانی کرد کرده کند کنند کنید کنیم
  کنم کردن کردند شود شوند دارد دارند داشت داشته بوده باشد باشند بودند شدند شدن هستند هستیم
  هستم گفت گفته نه آره بله خب خوب بد عالی ممنون مرسی سلام لطفا واقعا اصلا حتما البته مثلا
  یعنی ای آیا بر بی جز مانند مثل می‌شود می‌کند می‌کنند نمی‌شود می‌توان خواهد خواهند
  اینجا آنجا اون اونا همچنین نیز ضمن طبق توسط بدون علیه سوی سمت نزد همراه رو توی واسه
  برا چی چطور چگونه چقدر کاش وای دست درود تشکر متشکرم خسته نباشید عزیز جان آقا خانم
  آقای حق نظر فکر می‌کنم به‌نظرم میشه نمیشه داره نداره هست بودن باشه کنه میکنه میگه میگن
  گفتن خبر مطلب گزارش مقاله ممنونم لطفاً انشالله ان‌شاءالله روز شب هفته ماه سال امسال
  پارسال دیشب آینده گذشته جدید
  the a an and or of to in on for with at by from as is are was were be been it its this that
  these those he she they we you i his her their our your not no but if so than then there
  will would can could has have had do does did about after before into over also just very
`;
// Keyed word by word: keyed as one text, "می" would join the word after it.
const STOPWORDS: ReadonlySet<string> = new Set(STOPWORDS_WRITTEN.split(/\s+/u).filter(Boolean).map(matchingKey));

/**
 * Light suffix stripping, longest first, one suffix per pass, keeping a stem of at least
 * `minStem` letters (ان and ات need four, so ایران and تهران stay whole).
 */
const SUFFIXES: readonly { suffix: string; minStem: number }[] = [
  { suffix: 'هایشان', minStem: 2 },
  { suffix: 'هایتان', minStem: 2 },
  { suffix: 'هایمان', minStem: 2 },
  { suffix: 'هایی', minStem: 2 },
  { suffix: 'های', minStem: 2 },
  { suffix: 'ها', minStem: 2 },
  { suffix: 'ترین', minStem: 3 },
  { suffix: 'یان', minStem: 3 },
  { suffix: 'ان', minStem: 4 },
  { suffix: 'ات', minStem: 4 },
  { suffix: 'ی', minStem: 3 },
];

export function stem(word: string): string {
  let current = word;
  for (let pass = 0; pass < 2; pass++) {
    const rule = SUFFIXES.find(
      ({ suffix, minStem }) => current.endsWith(suffix) && current.length - suffix.length >= minStem,
    );
    if (!rule) break;
    current = current.slice(0, -rule.suffix.length);
  }
  return current;
}

const DIGITS_ONLY = /^\d+$/u;

function isContentWord(word: string): boolean {
  return word.length >= 2 && !DIGITS_ONLY.test(word) && !STOPWORDS.has(word);
}

/** The words that can carry a topic, from normalized tokens: stopwords and numbers removed. */
export function contentWords(normalizedTokens: readonly string[]): string[] {
  return normalizedTokens.filter(isContentWord);
}

/** The comment's words that can carry a topic: normalized, stopwords and numbers removed. */
export function contentTokens(text: string): string[] {
  return contentWords(tokens(text));
}

// Markdown syntax that is not words: code, images and link targets, emphasis, headings, quotes, lists, HTML.
const MARKDOWN_NOISE: readonly [RegExp, string][] = [
  [/```[\s\S]*?```/gu, ' '],
  [/`[^`]*`/gu, ' '],
  [/!\[([^\]]*)\]\([^)]*\)/gu, '$1'],
  [/\[([^\]]*)\]\([^)]*\)/gu, '$1'],
  [/<[^>]+>/gu, ' '],
  [/https?:\/\/\S+/gu, ' '],
  [/^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+/gmu, ''],
  [/[*_~]+/gu, ''],
];

export function stripMarkdown(markdown: string): string {
  return MARKDOWN_NOISE.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), markdown);
}

export interface ArticleText {
  title?: string | null;
  lead?: string | null;
  body?: string | null;
}

/** An article with its other language versions (the English translation of a Persian article). */
export interface ArticleVersions extends ArticleText {
  otherVersions?: readonly ArticleText[] | null;
}

/** The stems of an article version's words, for the site's document frequencies. */
export function articleTerms(article: ArticleText): Set<string> {
  const text = [article.title ?? '', article.lead ?? '', article.body ? stripMarkdown(article.body) : ''].join('\n');
  return new Set(contentTokens(text).map(stem));
}

/** How strongly a stem found in each part of the article ties the comment to it. */
const FIELD_WEIGHT = { title: 1, lead: 0.9, body: 0.6, bodyFrequent: 0.8 } as const;
/** The same for the article's other language versions. */
const OTHER_VERSION_WEIGHT = { title: 0.8, lead: 0.7, body: 0.5, bodyFrequent: 0.6 } as const;
/** A body stem used this often is central to the article. */
const FREQUENT_IN_BODY = 3;
/** Stems sharing this many leading letters count as related (مذاکره / مذاکرات) at half weight. */
const PREFIX_LENGTH = 5;
/** A two-word name used this often in the article is one of its terms ("کره شمالی"). */
const NAME_MIN_COUNT = 2;
/** Share of a word's uses inside the article's names from which it is bound to them. */
const BOUND_SHARE = 0.6;
/** What a bound word ("شمالی" of "کره شمالی") weighs on its own, as a share of its weight. */
const BOUND_WEIGHT = 0.25;
/** Matched weight that counts as full evidence; less scales the relevance down in proportion. */
const STRONG_EVIDENCE = 1;
/**
 * A comment of several words that shares one word with the article, and not one of its title's
 * informative words, shares it by chance more often than not ("بازی همکاری دو نفره" under an
 * article on military cooperation): its relevance counts this much.
 */
const SINGLE_WORD_FACTOR = 0.25;
/** A matched word at least this strong is the article's subject (an informative title word). */
const SUBJECT_WEIGHT = 0.95;
/** From this many content words a single shared word is suspect. */
const SINGLE_WORD_MIN_WORDS = 3;
/**
 * From this many content words even the article's subject, shared alone, is suspect: "رهبر
 * ارکستر سمفونیک تهران استعفا داد" under "رهبر کره شمالی ...".
 */
const SINGLE_SUBJECT_MAX_WORDS = 6;

/**
 * Count words that, before a noun, make a counted reference ("دو کشور": the two countries). "دو" is
 * a stopword, so it never starts one of the article's two-word names; the article's counted
 * references are collected apart, from the words as written.
 */
const COUNT_WORDS: ReadonlySet<string> = new Set(
  ['دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'ده'].map(matchingKey),
);

/** The article prepared for relevance. */
export interface ArticleProfile {
  /** stem → weight (where it appears, times how informative it is on the site). */
  readonly stems: ReadonlyMap<string, number>;
  /** stem prefix → weight, for related forms. */
  readonly prefixes: ReadonlyMap<string, number>;
  /** "stem stem" of adjacent words, and the two joined ("پیونگ یانگ" / "پیونگیانگ") → weight. */
  readonly phrases: ReadonlyMap<string, number>;
  /**
   * Stems that stand mostly inside one of the article's names and that other articles use too
   * ("شمالی" of "کره شمالی", not "کره"), and what they weigh alone.
   */
  readonly bound: ReadonlyMap<string, number>;
  /**
   * "count stem" of the counted references the article repeats ("دو کشور") → weight: where the
   * article uses it, not scaled by how common the noun is, as the count makes it the article's own.
   */
  readonly references: ReadonlyMap<string, number>;
  /** How informative a comment's stem is on the site, 0..1. */
  readonly informativeness: (stem: string) => number;
}

const ALWAYS_INFORMATIVE = (): number => 1;

/** A field's words, and their run of stems, null where a function word or number breaks the run. */
function fieldWords(text: string | null | undefined): { words: string[]; run: (string | null)[] } {
  const words = text ? tokens(text) : [];
  return { words, run: words.map((word) => (isContentWord(word) ? stem(word) : null)) };
}

/** The counted references in a field's words, as "count stem" keys ("دو کشور"). */
function countedReferences(words: readonly string[], run: readonly (string | null)[]): string[] {
  const found: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const noun = run[i + 1];
    if (noun && COUNT_WORDS.has(words[i] ?? '')) found.push(`${words[i]} ${noun}`);
  }
  return found;
}

export function articleProfile(article: ArticleVersions, frequencies?: DocumentFrequencies | null): ArticleProfile {
  const informativeness = frequencies ? (term: string) => frequencies.informativeness(term) : ALWAYS_INFORMATIVE;
  const stems = new Map<string, number>();
  const prefixes = new Map<string, number>();
  const phrases = new Map<string, number>();
  const raise = (map: Map<string, number>, key: string, weight: number): void => {
    if ((map.get(key) ?? 0) < weight) map.set(key, weight);
  };

  // Uses of each stem and of each adjacent pair in the main version, to find its names.
  const uses = new Map<string, number>();
  const pairUses = new Map<string, number>();
  const pairsOf = new Map<string, string[]>();
  const referenceUses = new Map<string, number>();
  const referenceWeights = new Map<string, number>();

  const addVersion = (
    version: ArticleText,
    weights: typeof FIELD_WEIGHT | typeof OTHER_VERSION_WEIGHT,
    main: boolean,
  ) => {
    const fields: [ReturnType<typeof fieldWords>, (count: number) => number][] = [
      [fieldWords(version.title), () => weights.title],
      [fieldWords(version.lead), () => weights.lead],
      [
        fieldWords(version.body ? stripMarkdown(version.body) : ''),
        (count) => (count >= FREQUENT_IN_BODY ? weights.bodyFrequent : weights.body),
      ],
    ];
    for (const [{ words, run }, weightOf] of fields) {
      if (main) {
        for (const reference of countedReferences(words, run)) {
          referenceUses.set(reference, (referenceUses.get(reference) ?? 0) + 1);
          raise(referenceWeights, reference, weightOf(1));
        }
      }
      const counts = new Map<string, number>();
      for (const word of run) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
      for (const [word, count] of counts) {
        const weight = weightOf(count) * informativeness(word);
        raise(stems, word, weight);
        if (word.length >= PREFIX_LENGTH) raise(prefixes, word.slice(0, PREFIX_LENGTH), weight / 2);
        if (main) uses.set(word, (uses.get(word) ?? 0) + count);
      }
      for (let i = 0; i + 1 < run.length; i++) {
        const first = run[i];
        const second = run[i + 1];
        if (!first || !second) continue;
        const weight = weightOf(1) * Math.max(informativeness(first), informativeness(second));
        const pair = `${first} ${second}`;
        raise(phrases, pair, weight);
        raise(phrases, first + second, weight);
        raise(phrases, stem(first + second), weight);
        if (main) {
          pairUses.set(pair, (pairUses.get(pair) ?? 0) + 1);
          for (const word of [first, second]) pairsOf.set(word, [...(pairsOf.get(word) ?? []), pair]);
        }
      }
    }
  };
  addVersion(article, FIELD_WEIGHT, true);
  for (const version of article.otherVersions ?? []) addVersion(version, OTHER_VERSION_WEIGHT, false);

  // A word is bound to the article's names when most of its uses are inside them and other
  // articles of the site use it too, in other senses: "شمالی" of "کره شمالی", not "کره".
  const bound = new Map<string, number>();
  if (frequencies) {
    for (const [word, pairs] of pairsOf) {
      const inNames = pairs.filter((pair) => (pairUses.get(pair) ?? 0) >= NAME_MIN_COUNT).length;
      if (inNames === 0 || inNames < BOUND_SHARE * (uses.get(word) ?? 0)) continue;
      if (frequencies.frequency(word) >= 2 && informativeness(word) < 1) bound.set(word, BOUND_WEIGHT);
    }
  }
  // Repeated, like a name: a count used once ("هشت دقیقه") is a quantity, not the article's parties.
  const references = new Map(
    [...referenceWeights].filter(([reference]) => (referenceUses.get(reference) ?? 0) >= NAME_MIN_COUNT),
  );
  return { stems, prefixes, phrases, bound, references, informativeness };
}

/** A verb in the present or past continuous: the key joins می / نمی to the verb. */
const VERB_PREFIX = /^ن?می\p{L}{2,}/u;
/** What a verb the article does not use counts in a comment's word total. */
const LIGHT_WORD = 0.3;

/**
 * Spoken endings that the stemmer leaves alone because written words end so too: the copula ه
 * (رایگانه، شلوغه), the plural ا and ن (تحریما، نگرانن), the enclitics (خونش، دفاعمون،
 * ماهواره‌تون), and a final ه the stemmer may have taken with ای (ماهواره‌ای → ماهوار). Tried only
 * when the word as written is not in the article.
 */
const COLLOQUIAL_ENDINGS = ['مون', 'تون', 'شون', 'ش', 'م', 'ت', 'ه', 'ا', 'ن', 'ی'];

/** The best weight of the word's spoken-ending variants, and whether it is one of the article's names. */
function colloquialWeight(word: string, profile: ArticleProfile): { weight: number; name: boolean } | undefined {
  let best: { weight: number; name: boolean } | undefined;
  const look = (form: string): void => {
    for (const key of [form, stem(form)]) {
      const asWord = profile.stems.get(key);
      const asName = profile.phrases.get(key);
      const weight = Math.max(asWord ?? -1, asName ?? -1);
      if (weight >= 0 && weight > (best?.weight ?? -1)) best = { weight, name: asName === weight };
    }
  };
  // Up to two endings: زنجیرچرخامون → زنجیرچرخا → زنجیرچرخ, ماهواره‌شون → ماهواره → ماهوار.
  for (const first of COLLOQUIAL_ENDINGS) {
    if (word.length - first.length < 2 || !word.endsWith(first)) continue;
    const once = word.slice(0, -first.length);
    look(once);
    for (const second of COLLOQUIAL_ENDINGS) {
      if (once.length - second.length >= 2 && once.endsWith(second)) look(once.slice(0, -second.length));
    }
  }
  return best;
}

function prefixWeight(word: string, profile: ArticleProfile): number {
  return word.length >= PREFIX_LENGTH ? (profile.prefixes.get(word.slice(0, PREFIX_LENGTH)) ?? 0) : 0;
}

/**
 * Relevance of a comment, given as its normalized tokens, to a prepared article: the informative
 * share of its content words the article uses, weighted by where, scaled down while the shared
 * words add up to less than one strong word. 0..1; no content words scores 0.
 */
export function relevanceOfTokens(commentTokens: readonly string[], profile: ArticleProfile): number {
  const run = commentTokens.map((word) => (isContentWord(word) ? stem(word) : null));
  const commentStems = new Set(run.filter((word): word is string => word !== null));
  if (commentStems.size === 0) return 0;

  const matched = new Map<string, number>();
  const credit = (word: string, weight: number): void => {
    if ((matched.get(word) ?? 0) < weight) matched.set(word, weight);
  };
  // Names first: both words of a shared pair carry the pair's weight.
  let pairMatched = false;
  for (let i = 0; i + 1 < run.length; i++) {
    const first = run[i];
    const second = run[i + 1];
    const reference =
      second && COUNT_WORDS.has(commentTokens[i] ?? '')
        ? profile.references.get(`${commentTokens[i]} ${second}`)
        : undefined;
    if (second && reference !== undefined) {
      pairMatched = true;
      credit(second, reference);
    }
    if (!first || !second) continue;
    const weight = profile.phrases.get(`${first} ${second}`) ?? profile.phrases.get(first + second) ?? 0;
    const joined = profile.stems.get(first + second) ?? 0;
    const best = Math.max(weight, joined);
    if (best > 0) {
      pairMatched = true;
      credit(first, best);
      credit(second, best);
    }
  }
  for (const word of commentStems) {
    const spoken = profile.stems.has(word) ? undefined : colloquialWeight(word, profile);
    if (spoken?.name) pairMatched = true;
    const weight = profile.stems.get(word) ?? spoken?.weight ?? prefixWeight(word, profile);
    credit(word, weight * (profile.bound.get(word) ?? 1));
  }

  let evidence = 0;
  let total = 0;
  for (const word of commentStems) {
    const weight = matched.get(word) ?? 0;
    evidence += weight;
    // A word the site's articles all use says little either way; a floor keeps the share stable.
    // A verb the article does not use ("میشن", "نمیده") carries little topic.
    const light = weight === 0 && VERB_PREFIX.test(word);
    total += light ? LIGHT_WORD : Math.max(profile.informativeness(word), 0.2);
  }
  const share = Math.min(1, evidence / total);
  const strength = Math.min(1, evidence / STRONG_EVIDENCE);
  const shared = [...matched.values()].filter((weight) => weight > 0);
  const byChance =
    !pairMatched &&
    shared.length === 1 &&
    commentStems.size >= SINGLE_WORD_MIN_WORDS &&
    ((shared[0] ?? 0) < SUBJECT_WEIGHT || commentStems.size >= SINGLE_SUBJECT_MAX_WORDS);
  return Math.round(share * strength * (byChance ? SINGLE_WORD_FACTOR : 1) * 1000) / 1000;
}

export function relevanceToProfile(comment: string, profile: ArticleProfile): number {
  return relevanceOfTokens(tokens(comment), profile);
}

/** Recently prepared articles, by content: comments on the same article arrive one after another. */
const profiles = new Map<
  string,
  { profile: ArticleProfile; frequencies: DocumentFrequencies | null; version: number }
>();
const PROFILE_CACHE_SIZE = 16;

function versionKey(article: ArticleText): string {
  return [article.title ?? '', article.lead ?? '', article.body ?? ''].join('\u0000');
}

/** The prepared profile of an article, reused while its text and the site's frequencies are unchanged. */
export function cachedArticleProfile(
  article: ArticleVersions,
  frequencies?: DocumentFrequencies | null,
): ArticleProfile {
  const cacheKey = [article, ...(article.otherVersions ?? [])].map(versionKey).join('\u0001');
  const table = frequencies ?? null;
  const version = table?.version ?? 0;
  const cached = profiles.get(cacheKey);
  if (cached && cached.frequencies === table && cached.version === version) return cached.profile;
  const profile = articleProfile(article, table);
  profiles.delete(cacheKey);
  if (profiles.size >= PROFILE_CACHE_SIZE) profiles.delete(profiles.keys().next().value as string);
  profiles.set(cacheKey, { profile, frequencies: table, version });
  return profile;
}

/** Relevance of a comment to its article, 0..1 (see the module comment: a weak signal). */
export function relevance(comment: string, article: ArticleVersions, frequencies?: DocumentFrequencies | null): number {
  return relevanceToProfile(comment, cachedArticleProfile(article, frequencies));
}

/** Exposed for tests: whether a (keyed) word is a stopword. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(matchingKey(word));
}
