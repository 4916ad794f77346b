import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import * as React from 'react';
import { SCREENING_FLAG_RULES, SCREENING_FLAGS } from '../../../server/src/domain/vocabulary';
import { useDeskText } from '../i18n';
import type { QueueFilters } from '../lib/api';
import { ReasonAndDateFilters } from './ReasonAndDateFilters';

export interface FiltersProps {
  filters: QueueFilters;
  articleTitle: string | null;
  searchRef: React.RefObject<HTMLInputElement>;
  onChange(patch: Partial<QueueFilters>): void;
  onClear(): void;
}

const ANY = '';

/** The queue's filters: text search, screening flag, rejection reason, dates, and the article. */
export function Filters({ filters, articleTitle, searchRef, onChange, onClear }: FiltersProps) {
  const { t, label } = useDeskText();
  const [search, setSearch] = React.useState(filters.q ?? '');
  React.useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  // The search runs when the moderator pauses typing, or at once on Enter.
  React.useEffect(() => {
    if (search === (filters.q ?? '')) return;
    const timer = setTimeout(() => onChange({ q: search, page: 1 }), 500);
    return () => clearTimeout(timer);
  }, [search, filters.q, onChange]);
  const active = Boolean(filters.q || filters.flag || filters.reason || filters.from || filters.to || filters.article);
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-desk="filters">
      <Flex gap={3} wrap="wrap" alignItems="flex-end">
        <Box style={{ flex: '2 1 260px' }}>
          <Field.Root name="q" hint={t('filter.search.hint')}>
            <Field.Label>{t('filter.search')}</Field.Label>
            <TextInput
              ref={searchRef}
              type="search"
              dir="auto"
              value={search}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)}
              onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
                if (event.key === 'Enter') onChange({ q: search, page: 1 });
                if (event.key === 'Escape') (event.target as HTMLInputElement).blur();
              }}
            />
            <Field.Hint />
          </Field.Root>
        </Box>
        <Box style={{ flex: '1 1 180px' }}>
          <Field.Root name="flag">
            <Field.Label>{t('filter.flag')}</Field.Label>
            <SingleSelect
              value={filters.flag ?? ANY}
              onChange={(value: string | number) => onChange({ flag: String(value) || undefined, page: 1 })}
            >
              <SingleSelectOption value={ANY}>{t('filter.any')}</SingleSelectOption>
              {SCREENING_FLAGS.map((flag) => (
                <SingleSelectOption key={flag} value={flag}>
                  {label(SCREENING_FLAG_RULES[flag].label)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <ReasonAndDateFilters
          values={filters}
          reasonLabel={t('filter.reason')}
          onChange={(patch) => onChange({ ...patch, page: 1 })}
        />
      </Flex>
      {active ? (
        <Flex gap={2} paddingTop={3} wrap="wrap">
          {filters.article ? (
            <Button
              variant="secondary"
              size="S"
              endIcon={<Cross />}
              onClick={() => onChange({ article: undefined, page: 1 })}
              data-desk="article-filter"
            >
              <Typography dir="auto">{t('filter.article', { title: articleTitle ?? filters.article })}</Typography>
            </Button>
          ) : null}
          <Button variant="tertiary" size="S" onClick={onClear}>
            {t('filter.clear')}
          </Button>
        </Flex>
      ) : null}
    </Box>
  );
}
