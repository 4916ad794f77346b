import { SealCheck } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { prefixedMessages } from './i18n';
import { DESK_PATH, PERMISSIONS, PLUGIN_ID } from './routes';
import { bootstrapArticlePanel, registerSettingsAndWidget } from './settings-admin';

/**
 * The admin side of the moderation plugin: the moderation desk ("بررسی نظرات"), a main-menu
 * entry shown only to holders of the moderate permission; the screening settings page, the
 * article side panel and the home widget (./settings-admin.ts). The server checks the same
 * permissions on every route these pages call; the menu only spares others a page they could
 * not use.
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      to: DESK_PATH,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.desk.title`, defaultMessage: 'Moderation' },
      permissions: PERMISSIONS.moderate,
      position: 1,
      Component: () => import('./pages/Desk'),
    } as never);
    registerSettingsAndWidget(app);
  },

  bootstrap(app: StrapiApp) {
    bootstrapArticlePanel(app);
  },

  /** The plugin's messages for the languages the admin offers (ids prefixed with the plugin id). */
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ locale, data: prefixedMessages(locale) }));
  },
};
