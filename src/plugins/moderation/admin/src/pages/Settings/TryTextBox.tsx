import { Box, Combobox, ComboboxOption, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import * as React from 'react';
import type { AutoRejectFlag } from '../../../../server/src/domain/vocabulary';
import { type Screening, ScreeningVerdict } from '../../components/ScreeningVerdict';
import { useDeskText } from '../../i18n';

/** How long typing must pause before the text is screened. */
const DEBOUNCE_MS = 400;

interface ArticleOption {
  documentId: string;
  title: string;
}

/**
 * Published articles whose title holds the text, from the public API (what any reader may
 * read, so the picker needs no permission beyond the settings page's own). No admin token is
 * sent: the content API would read it as a reader's token and refuse it.
 */
function useArticleSearch(search: string): ArticleOption[] {
  const [options, setOptions] = React.useState<ArticleOption[]>([]);
  React.useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams({ 'pagination[pageSize]': '10', 'fields[0]': 'title' });
    if (search.trim() !== '') query.set('filters[title][$containsi]', search.trim());
    const backend = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
    const timer = window.setTimeout(() => {
      fetch(`${backend}/api/articles?${query}`, { signal: controller.signal })
        .then((response) => (response.ok ? response.json() : { data: [] }))
        .then((body: { data?: ArticleOption[] }) => setOptions(body.data ?? []))
        .catch(() => undefined);
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [search]);
  return options;
}

/**
 * "Try a text": what screening would say of a comment with this text (on this article, for
 * relevance), under the saved settings, shown live as the moderator types.
 */
export function TryTextBox({ autoReject, unsaved }: { autoReject: Record<AutoRejectFlag, boolean>; unsaved: boolean }) {
  const { t, dir } = useDeskText();
  const { post } = useFetchClient();
  const [text, setText] = React.useState('');
  const [article, setArticle] = React.useState<string | undefined>(undefined);
  const [articleSearch, setArticleSearch] = React.useState('');
  const [screening, setScreening] = React.useState<Screening | null>(null);
  const [state, setState] = React.useState<'idle' | 'checking' | 'failed'>('idle');
  const articles = useArticleSearch(articleSearch);

  React.useEffect(() => {
    if (text.trim() === '') {
      setScreening(null);
      setState('idle');
      return;
    }
    let current = true;
    setState('checking');
    const timer = window.setTimeout(() => {
      post<{ data: Screening }>('/moderation/screen', { text, article: article ?? null })
        .then((response) => {
          if (!current) return;
          setScreening(response.data.data);
          setState('idle');
        })
        .catch(() => {
          if (current) setState('failed');
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, article, post]);

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-khabar="try-text">
      <Typography variant="delta" tag="h2">
        {t('tryText.title')}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {t('tryText.hint')}
      </Typography>
      {unsaved ? (
        <Typography variant="pi" textColor="warning700">
          {t('tryText.unsavedNote')}
        </Typography>
      ) : null}
      <Field.Root name="tryArticle">
        <Field.Label>{t('tryText.article')}</Field.Label>
        <Combobox
          placeholder={t('tryText.articleSearch')}
          value={article}
          onChange={(value?: string) => setArticle(value || undefined)}
          onInputChange={(event: React.ChangeEvent<HTMLInputElement>) => setArticleSearch(event.target.value)}
          onClear={() => {
            setArticle(undefined);
            setArticleSearch('');
          }}
          autocomplete={{ type: 'list', filter: 'contains' }}
          noOptionsMessage={() => t('tryText.articleNone')}
        >
          {articles.map((option) => (
            <ComboboxOption key={option.documentId} value={option.documentId}>
              {option.title}
            </ComboboxOption>
          ))}
        </Combobox>
      </Field.Root>
      <Field.Root name="tryText">
        <Field.Label>{t('tryText.text')}</Field.Label>
        <Textarea
          dir="auto"
          value={text}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value)}
        />
      </Field.Root>
      <Box
        padding={4}
        hasRadius
        background="neutral100"
        minHeight="64px"
        dir={dir}
        aria-live="polite"
        aria-label={t('tryText.verdict')}
      >
        {state === 'checking' ? (
          <Typography textColor="neutral600">{t('tryText.checking')}</Typography>
        ) : state === 'failed' ? (
          <Typography textColor="danger600">{t('tryText.failed')}</Typography>
        ) : screening ? (
          <ScreeningVerdict screening={screening} autoReject={autoReject} />
        ) : null}
      </Box>
    </Flex>
  );
}
