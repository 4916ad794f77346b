import type { Core } from '@strapi/strapi';

/** Persian is the newsroom's first language; English sits beside it. */
export const DEFAULT_LOCALE = 'fa';
const LOCALES = [
  { code: 'fa', name: 'Persian (fa)' },
  { code: 'en', name: 'English (en)' },
];

/**
 * Ensures both locales exist and Persian is the default, on every boot. The
 * STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE variable only acts on an empty locales table.
 */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create(locale);
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
