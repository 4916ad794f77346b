import slugify from '@sindresorhus/slugify';

const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
// ZWNJ joins parts of one Persian word (می‌رود); in a slug it becomes a hyphen like a space.
const ZERO_WIDTH_NON_JOINER = /\u200C/g;

export const MAX_SLUG_LENGTH = 200;

/**
 * A Latin URL slug for a title in any script. Persian letters are transliterated the way the
 * admin panel's own uid generator does (it uses the same library), so a slug made by REST or
 * code matches what an editor sees; Persian and Arabic-Indic digits become ASCII digits.
 */
export function slugFromTitle(title: string): string {
  const prepared = title
    .replace(PERSIAN_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(ARABIC_INDIC_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(ZERO_WIDTH_NON_JOINER, ' ');
  const slug = slugify(prepared, { decamelize: false });
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… — the first that `taken` does not hold. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'article';
  if (!taken.has(root)) return root;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${root.slice(0, MAX_SLUG_LENGTH - String(suffix).length - 1)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
