// Vazirmatn ships inside the admin bundle: Vite copies each imported woff2 next to the bundle
// and gives its same-origin URL, so a Persian interface never asks a font host for glyphs.
// (The font's own CSS files are not used: Strapi writes the admin's index.html itself and does
// not link the style sheet of the entry chunk, so `import '…/400.css'` from app.tsx never loads.)
import arabic400 from '@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2';
import arabic500 from '@fontsource/vazirmatn/files/vazirmatn-arabic-500-normal.woff2';
import arabic600 from '@fontsource/vazirmatn/files/vazirmatn-arabic-600-normal.woff2';
import arabic700 from '@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff2';
import latin400 from '@fontsource/vazirmatn/files/vazirmatn-latin-400-normal.woff2';
import latin500 from '@fontsource/vazirmatn/files/vazirmatn-latin-500-normal.woff2';
import latin600 from '@fontsource/vazirmatn/files/vazirmatn-latin-600-normal.woff2';
import latin700 from '@fontsource/vazirmatn/files/vazirmatn-latin-700-normal.woff2';

/** Arabic script (Persian letters, digits, ZWNJ and the bidi marks) and basic Latin. */
const ARABIC_RANGE = 'U+0600-06FF,U+0750-077F,U+0870-08FF,U+200C-200F,U+2010-2011,U+FB50-FDFF,U+FE70-FEFC';
const LATIN_RANGE = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122';

const FILES: [weight: number, arabic: string, latin: string][] = [
  [400, arabic400, latin400],
  [500, arabic500, latin500],
  [600, arabic600, latin600],
  [700, arabic700, latin700],
];

const face = (weight: number, url: string, range: string) =>
  `@font-face { font-family: 'Vazirmatn'; font-style: normal; font-display: swap; font-weight: ${weight}; ` +
  `src: url(${url}) format('woff2'); unicode-range: ${range}; }`;

export const VAZIRMATN_FACES = FILES.flatMap(([weight, arabic, latin]) => [
  face(weight, arabic, ARABIC_RANGE),
  face(weight, latin, LATIN_RANGE),
]).join('\n');
