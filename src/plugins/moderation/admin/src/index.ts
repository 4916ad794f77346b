import type { StrapiApp } from '@strapi/strapi/admin';
import { prefixedMessages } from './i18n';
import { PLUGIN_ID } from './routes';
import { bootstrapArticlePanel, registerSettingsAndWidget } from './settings-admin';

/**
 * The admin side of the moderation plugin: the moderation desk's pages, menu entry and
 * translations. Here: the screening settings page, the article side panel and the home widget
 * (./settings-admin.ts).
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
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
