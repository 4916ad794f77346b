/**
 * What an admin user may read of a content type, from their CASL rules for the content
 * manager's read action on it. Row conditions (an Author's "is creator") are not evaluated
 * here: this answers which types and which fields, for entries reached through a relation.
 */
export type ReadRule = { fields?: string | string[] | null; inverted?: boolean };

/** Fields every readable entry shows: identity, timestamps, locale, authorship. */
export const ALWAYS_READABLE_FIELDS = [
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
] as const;

/**
 * The attributes the rules let the user read, or null when no rule grants the type at all.
 * A rule without fields grants every attribute; a rule field `seo.title` grants `seo`.
 */
export function readableFields(rules: ReadRule[], attributeNames: string[]): Set<string> | null {
  const granting = rules.filter((rule) => !rule.inverted);
  if (granting.length === 0) return null;
  const readable = new Set<string>(ALWAYS_READABLE_FIELDS);
  for (const rule of granting) {
    const fields = rule.fields == null ? null : Array.isArray(rule.fields) ? rule.fields : [rule.fields];
    for (const name of attributeNames) {
      if (fields === null || fields.some((field) => field === name || field.startsWith(`${name}.`))) {
        readable.add(name);
      }
    }
  }
  return readable;
}

/** The admin user fields Strapi shows as an entry's author, without `admin::users.read`. */
export const ADMIN_USER_PUBLIC_FIELDS = ['id', 'documentId', 'firstname', 'lastname', 'username'] as const;
