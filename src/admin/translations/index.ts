import english from './en.json';
import persian from './fa.json';
import { labelMessages } from './labels';

/**
 * The admin panel's messages beyond Strapi's own, per interface language (`config.translations`).
 * Strapi ships no Persian: fa.json holds ours for the daily path of editors and moderators, under
 * Strapi's own keys (with their package prefix: `content-manager.…`, `upload.…`, `i18n.…`); a key
 * it lacks falls back to English. en.json holds the English of keys Strapi only has as defaults
 * in its code, and of our own keys. Field, value and content-type names come from labels.ts.
 */
export const ADMIN_TRANSLATIONS = {
  fa: { ...persian, ...labelMessages('fa') },
  en: { ...english, ...labelMessages('en') },
};
