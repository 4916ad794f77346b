import { Message } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ArticleCountsPanel } from './components/ArticleCountsPanel';
import { descriptor } from './i18n';
import { deskPath, PERMISSIONS, PLUGIN_ID } from './routes';

/** The content manager's extension API used here (not typed by @strapi/strapi/admin). */
interface ContentManagerApis {
  addEditViewSidePanel(panels: unknown[]): void;
}

/**
 * Registers the desk's settings page and home widget (from the plugin's `register`):
 * - Settings → Comment moderation → Screening settings (permission api::moderation.settings);
 * - the home page widget with today's figures and the last 14 days (api::moderation.read).
 */
export function registerSettingsAndWidget(app: StrapiApp) {
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
}

/** Adds the article edit view's side panel with its comment counts (from the plugin's `bootstrap`). */
export function bootstrapArticlePanel(app: StrapiApp) {
  const contentManager = app.getPlugin('content-manager') as unknown as { apis: ContentManagerApis };
  contentManager.apis.addEditViewSidePanel([ArticleCountsPanel]);
}
