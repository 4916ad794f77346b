import { Message } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ArticleCountsPanel } from './components/ArticleCountsPanel';
import { descriptor, prefixedMessages } from './i18n';
import { deskPath, PERMISSIONS, PLUGIN_ID } from './pluginId';

/** The content manager's extension API this plugin uses (not typed by @strapi/strapi/admin). */
interface ContentManagerApis {
  addEditViewSidePanel(panels: unknown[]): void;
}

/**
 * The admin side of the moderation plugin: the moderation desk's pages, menu entry and
 * translations. Settings, article side panel and home widget:
 * - Settings → Comment moderation → Screening settings (permission api::moderation.settings);
 * - the article edit view's side panel with its comment counts (api::moderation.read);
 * - the home page widget with today's figures and the last 14 days (api::moderation.read).
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addSettingsLink({ id: PLUGIN_ID, intlLabel: descriptor('settings.section') }, [
      {
        id: 'moderation-settings',
        to: PLUGIN_ID,
        intlLabel: descriptor('settings.link'),
        permissions: PERMISSIONS.settings,
        Component: () => import('./pages/Settings/SettingsPage'),
      },
    ]);
    app.widgets.register({
      id: 'moderation-daily',
      pluginId: PLUGIN_ID,
      icon: Message,
      title: descriptor('widget.title'),
      link: { label: descriptor('widget.link'), href: deskPath({ status: 'pending' }) },
      component: async () => (await import('./components/ModerationWidget')).ModerationWidget,
      permissions: PERMISSIONS.read,
    });
  },

  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
    contentManager.apis.addEditViewSidePanel([ArticleCountsPanel]);
  },

  /** The plugin's messages for the languages the admin offers (ids prefixed with the plugin id). */
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ locale, data: prefixedMessages(locale) }));
  },
};
