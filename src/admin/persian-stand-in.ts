import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * A stand-in until the Persian interface (branch wip/fa, `offerPersian` in src/admin/persian.ts)
 * is merged: Strapi 5.54 falls back to English for a stored language missing from its table of
 * native names, which has no Persian. This applies a stored `fa` choice with Strapi's own
 * `admin/setLocale` action once the store exists, so the moderation desk can be used and tested
 * in Persian. Drop it in favour of `offerPersian` at the merge.
 */
export function applyStoredPersian(app: StrapiApp): void {
  const strapiApp = app as unknown as {
    render(): unknown;
    store: { dispatch(action: { type: string; payload: unknown }): unknown } | null;
  };
  const render = strapiApp.render.bind(strapiApp);
  strapiApp.render = () => {
    const element = render();
    if (strapiApp.store && localStorage.getItem('strapi-admin-language') === 'fa') {
      strapiApp.store.dispatch({ type: 'admin/setLocale', payload: 'fa' });
    }
    return element;
  };
}
