/**
 * Whether the project's list layout (columns and default sort) of a content type should be
 * written over the stored one. The stored layout is one of three things:
 * - what the project wrote last time (recorded): it is replaced when the project's layout changes;
 * - Strapi's default (the first four listable fields): nobody arranged it yet;
 * - anything else: an editor arranged the list in the admin panel, and it is kept.
 */
export function shouldApplyListLayout(input: {
  current: readonly string[];
  intended: readonly string[];
  lastApplied: readonly string[] | undefined;
  strapiDefault: readonly string[];
}): boolean {
  const { current, intended, lastApplied, strapiDefault } = input;
  if (sameList(current, intended)) return false;
  if (lastApplied) return sameList(current, lastApplied);
  return sameList(current, strapiDefault);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

interface AttributeLike {
  type: string;
  relation?: string;
  multiple?: boolean;
  visible?: boolean;
}

const NOT_LISTABLE = ['json', 'password', 'richtext', 'dynamiczone', 'blocks', 'component'];
const LISTABLE_RELATIONS = ['oneToOne', 'manyToOne'];

/**
 * The list Strapi's content manager creates for a type it has no layout for: `id` and the first
 * listable attributes, four in all (its `createDefaultListLayout`).
 */
export function strapiDefaultListLayout(attributes: Record<string, AttributeLike>): string[] {
  const listable = Object.entries(attributes)
    .filter(([name, attribute]) => {
      if (name === 'id' || name === 'documentId' || attribute.visible === false) return false;
      if (NOT_LISTABLE.includes(attribute.type)) return false;
      if (attribute.type === 'media' && attribute.multiple) return false;
      if (attribute.type === 'relation') return LISTABLE_RELATIONS.includes(attribute.relation ?? '');
      return true;
    })
    .map(([name]) => name);
  return ['id', ...listable].slice(0, 4);
}
