import { SealCheck } from '@strapi/icons';
import { DESK_PATH, PERMISSIONS, PLUGIN_ID } from './pluginId';

type Translations = Record<string, string>;

const prefixed = (data: Translations): Translations =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

/** The files under ./translations; a language without one falls back to English in the page. */
const TRANSLATIONS: Record<string, () => Promise<{ default: Translations }>> = {
  en: () => import('./translations/en.json'),
  fa: () => import('./translations/fa.json'),
};

interface AdminApp {
  registerPlugin(plugin: { id: string; name: string }): void;
  addMenuLink(link: Record<string, unknown>): void;
}

/**
 * The admin side of the moderation plugin: the moderation desk ("بررسی نظرات"), a main-menu
 * entry shown only to holders of the moderate permission. The server checks the same permission
 * on every route the desk calls; the menu only spares others a page they could not use.
 */
export default {
  register(app: AdminApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: DESK_PATH,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.desk.title`, defaultMessage: 'Moderation' },
      permissions: [{ action: PERMISSIONS.moderate, subject: null }],
      position: 1,
      Component: () => import('./pages/Desk'),
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = TRANSLATIONS[locale];
        return { data: load ? prefixed((await load()).default) : {}, locale };
      }),
    );
  },
};
