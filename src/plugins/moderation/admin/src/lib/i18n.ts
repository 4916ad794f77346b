import * as React from 'react';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../routes';
import en from '../translations/en.json';
import { languageOf } from './text';

export type MessageId = keyof typeof en;

/** The desk's own strings (translations/{en,fa}.json), registered under the plugin's prefix. */
export function useDeskIntl() {
  const intl = useIntl();
  // Stable between renders: the page's data loaders depend on `t`.
  return React.useMemo(() => {
    const language = languageOf(intl.locale);
    const t = (id: MessageId, values?: Record<string, string | number>) =>
      intl.formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage: en[id] }, values);
    /** A label of the moderation vocabulary (server/src/domain/vocabulary.ts) in the interface language. */
    const label = (value: { fa: string; en: string }) => value[language];
    return { t, label, language, locale: intl.locale };
  }, [intl]);
}
