export { type BlocklistMatcher, blocklistMatcher, compileBlocklist, findBlocklisted } from './blocklist';
export { DEFAULT_BLOCKLIST } from './default-blocklist';
export { detectLanguage, type Language, type LanguageGuess } from './language';
export { hasBidiControls, hasBidiOverride, matchingKey, tokens } from './normalize';
export {
  type ArticleProfile,
  type ArticleText,
  articleProfile,
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
