import { Box, Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import type * as React from 'react';
import { REJECTION_REASON_LABELS, REJECTION_REASONS } from '../../../server/src/domain/vocabulary';
import { useDeskText } from '../i18n';

export interface ReasonAndDates {
  reason?: string;
  from?: string;
  to?: string;
}

/**
 * The rejection reason and the date range, as the queue's filters and the audit trail both
 * offer them. `namePrefix` keeps the field names apart when both are on one page.
 */
export function ReasonAndDateFilters({
  values,
  reasonLabel,
  namePrefix = '',
  onChange,
}: {
  values: ReasonAndDates;
  reasonLabel: string;
  namePrefix?: string;
  onChange(patch: ReasonAndDates): void;
}) {
  const { t, label } = useDeskText();
  const date = (bound: 'from' | 'to') => (
    <Box style={{ flex: '1 1 150px' }}>
      <Field.Root name={`${namePrefix}${bound}`}>
        <Field.Label>{t(`filter.${bound}`)}</Field.Label>
        <TextInput
          type="date"
          value={values[bound] ?? ''}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
            onChange({ [bound]: event.target.value || undefined })
          }
        />
      </Field.Root>
    </Box>
  );
  return (
    <>
      <Box style={{ flex: '1 1 180px' }}>
        <Field.Root name={`${namePrefix}reason`}>
          <Field.Label>{reasonLabel}</Field.Label>
          <SingleSelect
            value={values.reason ?? ''}
            onChange={(value: string | number) => onChange({ reason: String(value) || undefined })}
          >
            <SingleSelectOption value="">{t('filter.any')}</SingleSelectOption>
            {REJECTION_REASONS.map((reason) => (
              <SingleSelectOption key={reason} value={reason}>
                {label(REJECTION_REASON_LABELS[reason])}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>
      {date('from')}
      {date('to')}
    </>
  );
}
