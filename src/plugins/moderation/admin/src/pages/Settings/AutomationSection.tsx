import {
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import {
  type AutoRejectFlag,
  isScreeningFlag,
  REJECTION_REASON_LABELS,
  SCREENING_FLAG_RULES,
  SCREENING_FLAGS,
  type ScreeningFlag,
} from '../../../../server/src/domain/vocabulary';
import { useDeskText } from '../../i18n';

/**
 * Per flag: the reason it suggests and what screening does when it is raised (flag only, or
 * reject automatically with that reason), all read from the plugin's vocabulary. Several flags
 * share one setting (too many links and repeats reject as spam): their row shows the setting it
 * follows, which is edited on that flag's own row.
 */
export function AutomationSection({
  autoReject,
  onChange,
  error,
}: {
  autoReject: Record<AutoRejectFlag, boolean>;
  onChange: (autoReject: Record<AutoRejectFlag, boolean>) => void;
  error?: string;
}) {
  const { t, label } = useDeskText();
  const rows = SCREENING_FLAGS.map((flag: ScreeningFlag) => {
    const rule: { reason: keyof typeof REJECTION_REASON_LABELS | null; autoReject: AutoRejectFlag | null } =
      SCREENING_FLAG_RULES[flag];
    return { flag, reason: rule.reason, key: rule.autoReject };
  });
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-khabar="automation">
      <Typography variant="delta" tag="h2">
        {t('automation.title')}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('automation.hint')}
      </Typography>
      {error ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      ) : null}
      <Table colCount={3} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('automation.flag')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('automation.reason')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('automation.action')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map(({ flag, reason, key }) => (
            <Tr key={flag} data-flag={flag}>
              <Td>
                <Typography>{label(SCREENING_FLAG_RULES[flag].label)}</Typography>
              </Td>
              <Td>
                <Typography>{reason ? label(REJECTION_REASON_LABELS[reason]) : t('automation.noReason')}</Typography>
              </Td>
              <Td>
                {key === null ? (
                  <Typography textColor="neutral600">{t('automation.never')}</Typography>
                ) : key === flag ? (
                  <Field.Root name={`autoReject.${key}`}>
                    <SingleSelect
                      aria-label={`${t('automation.action')}: ${label(SCREENING_FLAG_RULES[flag].label)}`}
                      value={autoReject[key] ? 'reject' : 'flag'}
                      onChange={(value: string | number) => onChange({ ...autoReject, [key]: value === 'reject' })}
                    >
                      <SingleSelectOption value="flag">{t('automation.flagOnly')}</SingleSelectOption>
                      <SingleSelectOption value="reject">{t('automation.autoReject')}</SingleSelectOption>
                    </SingleSelect>
                  </Field.Root>
                ) : (
                  <Typography textColor="neutral600">
                    {autoReject[key] ? t('automation.autoReject') : t('automation.flagOnly')} ·{' '}
                    {t('automation.shared', {
                      flag: isScreeningFlag(key) ? label(SCREENING_FLAG_RULES[key].label) : key,
                    })}
                  </Typography>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
}
