import * as React from 'react';
import { useIntl } from 'react-intl';
import type { Label } from '../../server/src/domain/vocabulary';
import { directionOf, formatNumber, languageOf, withLocalDigits } from './lib/text';
import { PLUGIN_ID } from './routes';
import en from './translations/en.json';
import fa from './translations/fa.json';

export type DeskLanguage = 'fa' | 'en';
export type MessageId = keyof typeof en;

const MESSAGES: Record<DeskLanguage, Record<string, string>> = { en, fa };

/** The plugin's messages as Strapi's `registerTrads` wants them: ids prefixed with the plugin id. */
export function prefixedMessages(language: string): Record<string, string> {
  const messages = MESSAGES[languageOf(language)];
  return Object.fromEntries(Object.entries(messages).map(([id, text]) => [`${PLUGIN_ID}.${id}`, text]));
}

/** A message id of this plugin as Strapi's own components (menu, settings, widgets) look it up. */
export const messageId = (id: MessageId) => `${PLUGIN_ID}.${id}`;
export const descriptor = (id: MessageId) => ({ id: messageId(id), defaultMessage: en[id] });
/** Whether the plugin has a message of this id (for ids built from data, such as a language code). */
export const isMessageId = (id: string): id is MessageId => Object.hasOwn(en, id);

/**
 * The text of every moderation view in the admin panel (the desk, the settings page, the
 * article panel, the home widget, and the content manager's moderation actions and panel in
 * src/admin/moderation.tsx), in the language Strapi's intl provider runs in: Persian when the
 * interface is Persian (src/admin/persian.ts makes Strapi's store carry `fa`), English otherwise.
 *
 * `t` formats the plugin's messages (translations/{en,fa}.json, registered by `registerTrads`)
 * with react-intl; numbers among the values are written in the language's digits first (the
 * messages take them as plain `{count}` arguments). Stable between renders: the pages' data
 * loaders depend on `t`.
 */
export function useDeskText() {
  const intl = useIntl();
  return React.useMemo(() => {
    const language = languageOf(intl.locale);
    const t = (id: MessageId, values?: Record<string, string | number>) =>
      intl.formatMessage({ id: messageId(id), defaultMessage: en[id] }, values && withLocalDigits(values, language));
    return {
      language,
      locale: intl.locale,
      dir: directionOf(language),
      t,
      /** A label of the moderation vocabulary (server/src/domain/vocabulary.ts) in the interface language. */
      label: (value: Label) => value[language],
      /** A number in the interface's digits. */
      number: (value: number) => formatNumber(value, language),
    };
  }, [intl]);
}
