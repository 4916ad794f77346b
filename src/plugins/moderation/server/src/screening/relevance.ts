/**
 * How much a comment talks about its article: the share of the comment's content words that
 * the article also uses, title words counting most.
 *
 * A weak signal: short on-topic comments ("حق با شماست") share no word with their article. It may
 * order or flag comments, never reject one on its own.
 */

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

/** How strongly a stem found in each part of the article ties the comment to it. */
const FIELD_WEIGHT = { title: 1, lead: 0.9, body: 0.6, bodyFrequent: 0.8 } as const;
/** A body stem used this often is central to the article. */
const FREQUENT_IN_BODY = 3;
/** Stems sharing this many leading letters count as related (مذاکره / مذاکرات) at half weight. */
const PREFIX_LENGTH = 5;

/** The article prepared for relevance: stem → weight, and stem prefix → weight. */
export interface ArticleProfile {
  readonly stems: ReadonlyMap<string, number>;
  readonly prefixes: ReadonlyMap<string, number>;
}

export function articleProfile(article: ArticleText): ArticleProfile {
  const stems = new Map<string, number>();
  const prefixes = new Map<string, number>();
  const raise = (map: Map<string, number>, key: string, weight: number): void => {
    if ((map.get(key) ?? 0) < weight) map.set(key, weight);
  };
  const addStems = (words: string[], weightOf: (count: number) => number): void => {
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const [word, count] of counts) {
      raise(stems, word, weightOf(count));
      if (word.length >= PREFIX_LENGTH) raise(prefixes, word.slice(0, PREFIX_LENGTH), weightOf(count) / 2);
    }
  };
  const stemsOf = (text: string | null | undefined): string[] => (text ? contentTokens(text).map(stem) : []);

  addStems(stemsOf(article.title), () => FIELD_WEIGHT.title);
  addStems(stemsOf(article.lead), () => FIELD_WEIGHT.lead);
  addStems(stemsOf(article.body ? stripMarkdown(article.body) : ''), (count) =>
    count >= FREQUENT_IN_BODY ? FIELD_WEIGHT.bodyFrequent : FIELD_WEIGHT.body,
  );
  return { stems, prefixes };
}

/**
 * Relevance of a comment, given as its normalized tokens, to a prepared article: the share of its
 * content words the article uses, weighted by where. 0..1; no content words scores 0.
 */
export function relevanceOfTokens(commentTokens: readonly string[], profile: ArticleProfile): number {
  const commentStems = new Set(contentWords(commentTokens).map(stem));
  if (commentStems.size === 0) return 0;
  let sum = 0;
  for (const word of commentStems) {
    sum +=
      profile.stems.get(word) ??
      (word.length >= PREFIX_LENGTH ? (profile.prefixes.get(word.slice(0, PREFIX_LENGTH)) ?? 0) : 0);
  }
  return Math.round((sum / commentStems.size) * 1000) / 1000;
}

export function relevanceToProfile(comment: string, profile: ArticleProfile): number {
  return relevanceOfTokens(tokens(comment), profile);
}

/** Recently prepared articles, by content: comments on the same article arrive one after another. */
const profiles = new Map<string, ArticleProfile>();
const PROFILE_CACHE_SIZE = 16;

/** The prepared profile of an article, reused while its text is unchanged. */
export function cachedArticleProfile(article: ArticleText): ArticleProfile {
  const cacheKey = [article.title ?? '', article.lead ?? '', article.body ?? ''].join('\u0000');
  let profile = profiles.get(cacheKey);
  if (!profile) {
    profile = articleProfile(article);
    if (profiles.size >= PROFILE_CACHE_SIZE) profiles.delete(profiles.keys().next().value as string);
    profiles.set(cacheKey, profile);
  }
  return profile;
}

/** Relevance of a comment to its article, 0..1 (see the module comment: a weak signal). */
export function relevance(comment: string, article: ArticleText): number {
  return relevanceToProfile(comment, cachedArticleProfile(article));
}

/** Exposed for tests: whether a (keyed) word is a stopword. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(matchingKey(word));
}
