import { Badge, Flex, Typography } from '@strapi/design-system';
import {
  type AutoRejectFlag,
  autoRejectionReason,
  isRejectionReason,
  isScreeningFlag,
  REJECTION_REASON_LABELS,
  SCREENING_FLAG_RULES,
} from '../../../server/src/domain/vocabulary';
import { isMessageId, useDeskText } from '../i18n';

/** What POST /moderation/screen answers. */
export interface Screening {
  language: string;
  languageConfidence: number;
  blocklist: string[];
  relevance: number | null;
  flags: string[];
  suggestedReason: string | null;
}

/** Flags that reject (with their reason) get the danger colour, the others a warning. */
const badgeVariant = (flag: string, autoReject: Record<AutoRejectFlag, boolean>) => {
  if (!isScreeningFlag(flag)) return 'neutral' as const;
  const key: AutoRejectFlag | null = SCREENING_FLAG_RULES[flag].autoReject;
  return key !== null && autoReject[key] ? ('danger' as const) : ('warning' as const);
};

/**
 * A screening verdict as moderators read it: what would happen to the comment, its flags as
 * badges and the suggested reason in the interface language, the language found, relevance and
 * the listed words found. Never the raw JSON.
 */
export function ScreeningVerdict({
  screening,
  autoReject,
}: {
  screening: Screening;
  autoReject: Record<AutoRejectFlag, boolean>;
}) {
  const { t, label, number } = useDeskText();
  const rejectedWith = autoRejectionReason(screening.flags, autoReject);
  const reasonLabel = (reason: string) => (isRejectionReason(reason) ? label(REJECTION_REASON_LABELS[reason]) : reason);
  const outcome = rejectedWith
    ? t('tryText.autoRejected', { reason: reasonLabel(rejectedWith) })
    : screening.flags.length > 0
      ? t('tryText.flagged')
      : t('tryText.clean');
  const languageKey = `language.${screening.language}`;
  const languageName = isMessageId(languageKey) ? t(languageKey) : screening.language;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-khabar="screening-verdict">
      <Typography
        variant="omega"
        fontWeight="bold"
        textColor={rejectedWith ? 'danger600' : screening.flags.length > 0 ? 'warning700' : 'success600'}
        data-khabar="verdict-outcome"
      >
        {outcome}
      </Typography>
      {screening.flags.length > 0 ? (
        <Flex gap={2} wrap="wrap" data-khabar="verdict-flags">
          {screening.flags.map((flag) => (
            <Badge key={flag} variant={badgeVariant(flag, autoReject)} data-flag={flag}>
              {isScreeningFlag(flag) ? label(SCREENING_FLAG_RULES[flag].label) : flag}
            </Badge>
          ))}
        </Flex>
      ) : null}
      {screening.suggestedReason ? (
        <Typography variant="pi">
          {t('tryText.suggested', { reason: reasonLabel(screening.suggestedReason) })}
        </Typography>
      ) : null}
      <Typography variant="pi" textColor="neutral600">
        {t('tryText.language', { language: languageName })}
      </Typography>
      {screening.relevance !== null ? (
        <Typography variant="pi" textColor="neutral600">
          {t('tryText.relevance', { value: number(Math.round(screening.relevance * 100) / 100) })}
        </Typography>
      ) : null}
      {screening.blocklist.length > 0 ? (
        <Typography variant="pi" textColor="neutral600" data-khabar="verdict-words">
          {t('tryText.words', { words: screening.blocklist.join('، ') })}
        </Typography>
      ) : null}
    </Flex>
  );
}
