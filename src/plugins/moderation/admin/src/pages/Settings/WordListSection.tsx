import { Badge, Box, Button, Field, Flex, Tag, TextInput, Typography } from '@strapi/design-system';
import { Cross, Plus, Upload } from '@strapi/icons';
import * as React from 'react';
import { SETTINGS_LIMITS } from '../../../../server/src/domain/vocabulary';
import { matchingKey } from '../../../../server/src/screening/normalize';
import { mergeTerms, normalizeTerm, termsOfFile } from '../../../../server/src/screening/word-list';
import { useDeskText } from '../../i18n';

/**
 * The word list: add a term, remove one, find one, import a text file. Every change stays in
 * the page until Save; an import says what it added and dropped before anything is stored.
 */
export function WordListSection({
  terms,
  savedTerms,
  onChange,
  error,
}: {
  terms: string[];
  savedTerms: string[];
  onChange: (terms: string[]) => void;
  error?: string;
}) {
  const { t } = useDeskText();
  const [newTerm, setNewTerm] = React.useState('');
  const [filter, setFilter] = React.useState('');
  const [notice, setNotice] = React.useState<string | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const saved = React.useMemo(() => new Set(savedTerms), [savedTerms]);

  const add = () => {
    const term = normalizeTerm(newTerm);
    if (term === '') return;
    const merged = mergeTerms(terms, [term]);
    if (merged.tooLong.length > 0) setNotice(t('wordList.tooLong', { max: SETTINGS_LIMITS.termLength }));
    else if (merged.duplicates.length > 0) setNotice(t('wordList.duplicate', { term }));
    else {
      setNotice(null);
      setNewTerm('');
      onChange(merged.list);
    }
  };

  const importFile = async (file: File) => {
    const merged = mergeTerms(terms, termsOfFile(await file.text()));
    setNotice(
      t('wordList.importResult', {
        file: file.name,
        added: merged.added.length,
        duplicates: merged.duplicates.length,
        tooLong: merged.tooLong.length,
      }),
    );
    onChange(merged.list);
  };

  const filterKey = matchingKey(filter);
  const shown = filterKey === '' ? terms : terms.filter((term) => matchingKey(term).includes(filterKey));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-khabar="word-list">
      <Typography variant="delta" tag="h2">
        {t('wordList.title')}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('wordList.hint', { count: terms.length })}
      </Typography>
      <Flex gap={2} alignItems="flex-end" wrap="wrap">
        <Box flex="1" minWidth="220px">
          <Field.Root name="newTerm" error={error}>
            <Field.Label>{t('wordList.newTerm')}</Field.Label>
            <TextInput
              value={newTerm}
              dir="auto"
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setNewTerm(event.target.value)}
              onKeyDown={(event: React.KeyboardEvent<HTMLInputElement>) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
            />
            <Field.Error />
          </Field.Root>
        </Box>
        <Button variant="secondary" startIcon={<Plus />} onClick={add}>
          {t('wordList.add')}
        </Button>
        <Button variant="tertiary" startIcon={<Upload />} onClick={() => fileInput.current?.click()}>
          {t('wordList.import')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,text/plain"
          hidden
          data-khabar="word-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
            event.target.value = '';
          }}
        />
      </Flex>
      <Typography variant="pi" textColor="neutral500">
        {t('wordList.importHint')}
      </Typography>
      {notice ? (
        <Typography variant="omega" textColor="primary700" role="status" data-khabar="word-list-notice">
          {notice}
        </Typography>
      ) : null}
      <Box maxWidth="320px">
        <TextInput
          aria-label={t('wordList.filter')}
          placeholder={t('wordList.filter')}
          value={filter}
          dir="auto"
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setFilter(event.target.value)}
        />
      </Box>
      <Flex gap={2} wrap="wrap" data-khabar="word-list-terms">
        {terms.length === 0 ? <Typography textColor="neutral600">{t('wordList.empty')}</Typography> : null}
        {terms.length > 0 && shown.length === 0 ? (
          <Typography textColor="neutral600">{t('wordList.noMatch')}</Typography>
        ) : null}
        {shown.map((term) => (
          <Flex key={term} gap={1}>
            <Tag
              icon={<Cross aria-hidden />}
              label={t('wordList.remove', { term })}
              onClick={() => onChange(terms.filter((other) => other !== term))}
              dir="auto"
            >
              {term}
            </Tag>
            {saved.has(term) ? null : <Badge variant="success">{t('wordList.added')}</Badge>}
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
