import type { StrapiApp } from '@strapi/strapi/admin';
import { VAZIRMATN_FACES } from './fonts';
import { FIELD_FILTER_LABEL_IDS } from './translations/labels';

/** Where Strapi keeps the interface language of this browser (its reducer writes it). */
export const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
export const PERSIAN = 'fa';
/** Persian's own name for itself, as the language menus list it. */
export const PERSIAN_NAME = 'فارسی';
/**
 * The interface language of a browser that never chose one: the newsroom writes in Persian and
 * the site's default content locale is `fa`, so its editors start in Persian. (Strapi keeps the
 * language per browser, not per user: a user who picks English keeps English on that browser.)
 */
export const DEFAULT_LANGUAGE = PERSIAN;

/** Languages written right to left among those this panel offers. */
const RIGHT_TO_LEFT = new Set([PERSIAN, 'ar', 'he']);
export const directionOf = (language: string | null | undefined): 'rtl' | 'ltr' =>
  RIGHT_TO_LEFT.has((language ?? '').split('-')[0]) ? 'rtl' : 'ltr';

interface LanguageState {
  locale: string;
  localeNames: Record<string, string>;
}
type RootState = { admin_app: { language: LanguageState } } & Record<string, unknown>;
interface AdminStore {
  getState(): RootState;
  dispatch(action: { type: string; payload: unknown }): unknown;
}

/**
 * Strapi 5.54 lists the interface languages from its own table of native names, which has no
 * Persian, and falls back to English for a stored language missing from it, so `config.locales:
 * ['fa']` alone loads the translations but offers Persian nowhere. The store is created in
 * `app.render()`; right after it exists, its readers are given the language list with Persian
 * added (a derived copy: the state itself is not mutated, so Redux's checks stay quiet), and
 * the stored choice (or the default) is applied with Strapi's own `admin/setLocale` action.
 */
export function offerPersian(app: StrapiApp): void {
  const strapiApp = app as unknown as { render(): unknown; store: AdminStore | null };
  const render = strapiApp.render.bind(strapiApp);
  strapiApp.render = () => {
    const element = render();
    const store = strapiApp.store;
    if (store) {
      store.getState = withPersianListed(store.getState.bind(store));
      const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
      const language = stored ?? DEFAULT_LANGUAGE;
      if (language === PERSIAN || stored === null) {
        store.dispatch({ type: 'admin/setLocale', payload: language });
      }
    }
    return element;
  };
}

/** The state as Strapi's readers see it: the same objects, with Persian in the language list. */
function withPersianListed(getState: () => RootState): () => RootState {
  let lastState: RootState | null = null;
  let lastNames: Record<string, string> | null = null;
  let listed: Record<string, string> = {};
  let derived: RootState | null = null;
  return () => {
    const state = getState();
    if (state === lastState && derived) return derived;
    const { language } = state.admin_app;
    if (language.localeNames !== lastNames) {
      lastNames = language.localeNames;
      listed = { ...language.localeNames, [PERSIAN]: PERSIAN_NAME };
    }
    lastState = state;
    derived = {
      ...state,
      admin_app: { ...state.admin_app, language: { ...language, localeNames: listed } },
    };
    return derived;
  };
}

/**
 * The Persian look: the font for the whole panel, and text that keeps its own direction in
 * inputs and table cells (a slug or an email stays left to right in a right-to-left page).
 */
const PERSIAN_STYLE = `
  html[lang="fa"] body, html[lang="fa"] button, html[lang="fa"] input, html[lang="fa"] textarea,
  html[lang="fa"] select, html[lang="fa"] [role="dialog"], html[lang="fa"] [role="listbox"],
  html[lang="fa"] [role="menu"], html[lang="fa"] [role="tooltip"] {
    font-family: 'Vazirmatn', system-ui, -apple-system, 'Segoe UI', sans-serif;
  }
  html[lang="fa"] body * { font-family: inherit; }
  /* Radix primitives under Strapi's design system (tabs, scroll areas, select lists) write
     dir="ltr" on their root when no direction is given to them: in a right-to-left panel the
     edit form (inside the draft/published tabs) would keep a left-to-right grid and labels. */
  html[dir="rtl"] div[dir="ltr"] { direction: rtl; }
  /* Some parts still place themselves in left-to-right coordinates (the home page's widget
     resize handles, the skip link), off the left or right edge: in a right-to-left page that
     overflow is scrollable, and when a dialog locks the page's scrolling the view jumped to the
     empty side (screenshots showed a blank page behind every dialog and popover). */
  html[dir="rtl"], html[dir="rtl"] body { overflow-x: clip; }
  /* Code and JSON keep a monospace font; the markdown editor (CodeMirror 5) holds prose: Vazirmatn. */
  html[lang="fa"] code, html[lang="fa"] pre, html[lang="fa"] .cm-editor, html[lang="fa"] .cm-editor * {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
  }
`;

/**
 * Keeps `<html dir>` in step with the interface language. Strapi's `setLocale` writes `<html
 * lang>` when the language changes (in the profile page or the login page), so watching that
 * attribute turns the panel around at once, without a reload.
 */
export function followLanguageDirection(): void {
  const style = document.createElement('style');
  style.dataset.khabar = 'persian';
  style.textContent = `${VAZIRMATN_FACES}\n${PERSIAN_STYLE}`;
  document.head.appendChild(style);

  const root = document.documentElement;
  const apply = () => {
    const direction = directionOf(root.getAttribute('lang'));
    if (root.getAttribute('dir') !== direction) root.setAttribute('dir', direction);
  };
  apply();
  new MutationObserver(apply).observe(root, { attributes: true, attributeFilter: ['lang'] });
}

/** The hook is not told which content type is listed; the list's address says it. */
const listedModel = () => /\/collection-types\/([^/?]+)/.exec(decodeURIComponent(window.location.pathname))?.[1] ?? '';

interface ListFilter {
  name: string;
  label: unknown;
}

/**
 * The list view's Filters menu names fields by their layout label, one string for every
 * language. Our fields get their translated name instead (Strapi resolves a message descriptor
 * given as a filter label), the layout label staying the fallback.
 */
export function translateFilterLabels(app: StrapiApp): void {
  app.registerHook(
    'Admin/CM/pages/ListView/inject-in-filters',
    ({ displayedFilters, layout }: { displayedFilters: ListFilter[]; layout: unknown }) => ({
      displayedFilters: displayedFilters.map((filter) => {
        const id = FIELD_FILTER_LABEL_IDS[listedModel()]?.[filter.name];
        return id && typeof filter.label === 'string'
          ? { ...filter, label: { id, defaultMessage: filter.label } }
          : filter;
      }),
      layout,
    }),
  );
}
