const PLUGIN_ID = 'moderation';

/**
 * The admin side of the moderation plugin. It registers the plugin with the admin panel; the
 * moderation desk (its pages, menu entry and translations) comes next.
 */
export default {
  register(app: { registerPlugin(plugin: { id: string; name: string }): void }) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },
};
