export { type BlocklistMatcher, blocklistMatcher, compileBlocklist, findBlocklisted } from './blocklist';
export { DEFAULT_BLOCKLIST } from './default-blocklist';
export { DocumentFrequencies, documentFrequencies, MIN_DOCUMENTS } from './frequencies';
export { detectLanguage, type Language, type LanguageGuess } from './language';
export { hasBidiControls, hasBidiOverride, matchingKey, tokens } from './normalize';
export {
  type ArticleProfile,
  type ArticleText,
  type ArticleVersions,
  articleProfile,
  articleTerms,
  cachedArticleProfile,
  contentTokens,
  relevance,
  relevanceToProfile,
} from './relevance';
export {
  DISTINCTIVE_WORDS,
  duplicateFingerprint,
  isDistinctive,
  type RejectionReason,
  SCREENING_FLAGS,
  type Screening,
  type ScreeningFlag,
  type ScreeningInput,
  type ScreeningRules,
  screenComment,
} from './screen';
export { type SpamSignals, spamSignals } from './spam';
