/**
 * Screening: the one entry point that reads a comment and tells moderators what to look at.
 * It never decides: it flags, and suggests a rejection reason for a moderator to confirm.
 */

import { createHash } from 'node:crypto';
import { type RejectionReason, SCREENING_FLAGS, type ScreeningFlag, suggestedReason } from '../domain/vocabulary';
import { blocklistMatcher } from './blocklist';
import type { DocumentFrequencies } from './frequencies';
import { detectLanguage, type Language } from './language';
import { hasBidiControls, hasBidiOverride, keyWords, matchingKey, tokens } from './normalize';
import { type ArticleVersions, cachedArticleProfile, contentWords, relevanceOfTokens } from './relevance';
import { spamSignals } from './spam';

export { type RejectionReason, SCREENING_FLAGS, type ScreeningFlag };

export interface Screening {
  language: Language;
  languageConfidence: number;
  /** Listed terms found, as written in the list. */
  blocklist: string[];
  /** 0..1, or null when the comment has no article to compare with. */
  relevance: number | null;
  flags: ScreeningFlag[];
  suggestedReason: RejectionReason | null;
}

export interface ScreeningRules {
  blocklist: string[];
  /** Below this relevance a comment with enough content words is flagged off topic. */
  relevanceThreshold: number;
  /** More links than this is spam. */
  maxLinks: number;
}

export interface ScreeningInput {
  text: string;
  /** The article commented on, with its other language versions. */
  article?: ArticleVersions | null;
  /**
   * Document frequencies over the site's published articles: relevance weighs words by them.
   * Without them every word counts as informative.
   */
  frequencies?: DocumentFrequencies | null;
  /** The hidden form field only bots fill in. */
  honeypotFilled?: boolean;
  /** The same sender already submitted the same normalized text (see duplicateFingerprint). */
  isDuplicate?: boolean;
  /**
   * Another reader already sent the same normalized text to this article. Only flagged, never
   * spam: if it could be auto-rejected, the public counts would tell anyone whether a guessed
   * text is waiting in the queue.
   */
  copiesOtherReader?: boolean;
}

/** Below this many content words relevance says nothing: "موافقم، حق با شماست" is on topic. */
const MIN_CONTENT_WORDS_FOR_OFF_TOPIC = 3;

/**
 * Languages a Persian site publishes. `fa-Latn` (Finglish) is not among them: the policy asks for
 * comments in Persian, and the site publishes Persian in Persian script, so Finglish is flagged
 * like any other language and the moderator decides. `und` (too short to tell) is never flagged.
 */
const PUBLISHABLE_LANGUAGES: ReadonlySet<Language> = new Set(['fa', 'und']);

function hasArticleText(article: ArticleVersions | null | undefined): article is ArticleVersions {
  return Boolean(article && (article.title || article.lead || article.body));
}

/**
 * The suggested reason: the strongest one the raised flags suggest (../domain/vocabulary.ts).
 * Bidi controls suggest nothing when they are the marks and isolates that Persian keyboards and
 * apps insert (LRM/RLM around Latin words); only an override (LRO/RLO), which makes reversed text
 * display as a normal word, suggests its reason. A honeypot hit always raises `spam`.
 */
function suggestReason(flags: ReadonlySet<ScreeningFlag>, text: string): RejectionReason | null {
  const suggesting = [...flags].filter((flag) => flag !== 'bidi_control' || hasBidiOverride(text));
  return suggestedReason(suggesting);
}

export function screenComment(input: ScreeningInput, rules: ScreeningRules): Screening {
  const { text, article, frequencies, honeypotFilled = false, isDuplicate = false, copiesOtherReader = false } = input;
  const flags = new Set<ScreeningFlag>();

  const { language, confidence } = detectLanguage(text);
  if (!PUBLISHABLE_LANGUAGES.has(language)) flags.add('not_persian');

  // The matching key is computed once and shared by the word list and relevance.
  const key = matchingKey(text);
  const blocklist = blocklistMatcher(rules.blocklist).matchKey(key, text);
  if (blocklist.length > 0) flags.add('blocklisted');

  const words = keyWords(key).map(({ word }) => word);
  const articleRelevance = hasArticleText(article)
    ? relevanceOfTokens(words, cachedArticleProfile(article, frequencies))
    : null;
  if (
    articleRelevance !== null &&
    articleRelevance < rules.relevanceThreshold &&
    contentWords(words).length >= MIN_CONTENT_WORDS_FOR_OFF_TOPIC
  ) {
    flags.add('off_topic');
  }

  const spam = spamSignals(text);
  if (spam.links > rules.maxLinks) flags.add('too_many_links');
  if (
    honeypotFilled ||
    flags.has('too_many_links') ||
    spam.linksOnly ||
    spam.phoneNumbers > 0 ||
    spam.messengerHandles > 0
  ) {
    flags.add('spam');
  }
  if (isDuplicate) flags.add('duplicate').add('spam');
  else if (copiesOtherReader) flags.add('copied_text');
  if (hasBidiControls(text)) flags.add('bidi_control');

  return {
    language,
    languageConfidence: confidence,
    blocklist,
    relevance: articleRelevance,
    flags: SCREENING_FLAGS.filter((flag) => flags.has(flag)),
    suggestedReason: suggestReason(flags, text),
  };
}

/**
 * A stable fingerprint of a comment's normalized text (sha256 hex of its matching key): the same
 * words typed with other letters, spacing or invisible characters give the same fingerprint.
 */
export function duplicateFingerprint(text: string): string {
  return createHash('sha256').update(matchingKey(text), 'utf8').digest('hex');
}

/** Words from which a text is specific enough that its repeat on another article is spam. */
export const DISTINCTIVE_WORDS = 8;

/**
 * Whether a repeat of this text by the same sender on another article counts as a duplicate.
 * Short thanks ("ممنون از گزارش خوبتون") are said under many articles, and readers behind one
 * mobile carrier share an address: only longer texts are counted across articles.
 */
export function isDistinctive(text: string): boolean {
  return tokens(text).length >= DISTINCTIVE_WORDS;
}
