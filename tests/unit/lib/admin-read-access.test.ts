import { readableFields } from '../../../src/lib/admin-read-access';

describe('readableFields', () => {
  const attributes = ['title', 'body', 'seo', 'comments', 'createdAt'];

  it('is null when no rule grants the type', () => {
    expect(readableFields([], attributes)).toBeNull();
    expect(readableFields([{ inverted: true }], attributes)).toBeNull();
  });

  it('grants every attribute for a rule without fields', () => {
    expect([...(readableFields([{}], attributes) ?? [])]).toEqual(expect.arrayContaining(attributes));
  });

  it('grants the listed fields, a nested field granting its component, plus identity fields', () => {
    const readable = readableFields([{ fields: ['title', 'seo.metaTitle'] }], attributes);
    expect(readable?.has('title')).toBe(true);
    expect(readable?.has('seo')).toBe(true);
    expect(readable?.has('body')).toBe(false);
    expect(readable?.has('comments')).toBe(false);
    expect(readable?.has('documentId')).toBe(true);
  });

  it('unites the fields of several rules', () => {
    const readable = readableFields([{ fields: 'title' }, { fields: ['body'] }], attributes);
    expect(readable?.has('title') && readable?.has('body')).toBe(true);
  });
});
