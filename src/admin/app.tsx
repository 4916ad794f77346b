import type { StrapiApp } from '@strapi/strapi/admin';
import { translateEnumerationCells } from './list-values';
import { registerModerationAdmin, registerModerationMenu } from './moderation';
import { followLanguageDirection, offerPersian, translateFilterLabels } from './persian';
import { ADMIN_TRANSLATIONS } from './translations';

/**
 * Strapi's admin panel is left-to-right. Persian text typed into it (titles, leads, comments)
 * then shows its punctuation at the wrong end and aligned to the wrong side. With
 * `unicode-bidi: plaintext` each paragraph takes its direction and alignment from its own first
 * letter, so Persian reads right-to-left and Latin text (slugs, emails) stays left-to-right.
 * (The property is not inherited, hence the inner elements of table cells and editor lines.)
 */
const BIDI_STYLE = `
  input, textarea, [contenteditable="true"], .CodeMirror-line, td span, h1 {
    unicode-bidi: plaintext;
    text-align: start;
  }
`;

export default {
  config: {
    // Persian beside Strapi's English (see ./translations and ./persian.ts).
    locales: ['fa'],
    translations: ADMIN_TRANSLATIONS,
  },
  register(app: StrapiApp) {
    offerPersian(app);
    registerModerationMenu(app);
  },
  bootstrap(app: StrapiApp) {
    const style = document.createElement('style');
    style.dataset.khabar = 'bidi';
    style.textContent = BIDI_STYLE;
    document.head.appendChild(style);
    followLanguageDirection();
    translateFilterLabels(app);
    translateEnumerationCells(app);
    registerModerationAdmin(app);
  },
};
