import { useIntl } from 'react-intl';
import type { Label } from '../../server/src/domain/vocabulary';
import { PLUGIN_ID } from './routes';
import en from './translations/en.json';
import fa from './translations/fa.json';

export type DeskLanguage = 'fa' | 'en';
type MessageId = keyof typeof en;

const MESSAGES: Record<DeskLanguage, Record<string, string>> = { en, fa };

/** The plugin's messages as Strapi's `registerTrads` wants them: ids prefixed with the plugin id. */
export function prefixedMessages(language: string): Record<string, string> {
  const messages = MESSAGES[language.startsWith('fa') ? 'fa' : 'en'];
  return Object.fromEntries(Object.entries(messages).map(([id, text]) => [`${PLUGIN_ID}.${id}`, text]));
}

/** A message id of this plugin as Strapi's own components (menu, settings, widgets) look it up. */
export const messageId = (id: MessageId) => `${PLUGIN_ID}.${id}`;
export const descriptor = (id: MessageId) => ({ id: messageId(id), defaultMessage: en[id] });

/**
 * The interface language of the desk's pages: Persian when the admin's language is Persian. The
 * language Strapi's intl provider runs in is the first witness; `<html lang>`, which Strapi sets
 * from the user's stored choice, the second (Strapi 5.54 alone falls back to English for a
 * language missing from its own list, while the choice is still recorded there).
 */
export function useDeskText() {
  const intl = useIntl();
  const declared = typeof document === 'undefined' ? '' : document.documentElement.lang;
  const language: DeskLanguage = intl.locale.startsWith('fa') || declared.startsWith('fa') ? 'fa' : 'en';
  const messages = MESSAGES[language];
  const numbers = new Intl.NumberFormat(language === 'fa' ? 'fa-IR' : 'en-US');
  /** A message, with {name} placeholders filled (numbers in the language's digits). */
  const t = (id: MessageId, values: Record<string, string | number> = {}) =>
    (messages[id] ?? en[id]).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  return {
    language,
    dir: (language === 'fa' ? 'rtl' : 'ltr') as 'rtl' | 'ltr',
    t,
    /** A label of the moderation vocabulary in the interface language. */
    label: (value: Label) => value[language],
    number: (value: number) => numbers.format(value),
  };
}
