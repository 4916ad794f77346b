import { shouldApplyListLayout, strapiDefaultListLayout } from '../../../src/lib/list-layout';

const intended = ['occurredAt', 'actorLabel', 'toStatus', 'reason', 'note'];
const strapiDefault = ['id', 'commentDocumentId', 'fromStatus', 'toStatus'];

describe('shouldApplyListLayout', () => {
  it("writes over Strapi's default list (the marker column may already be there)", () => {
    expect(shouldApplyListLayout({ current: strapiDefault, intended, lastApplied: undefined, strapiDefault })).toBe(
      true,
    );
  });

  it('does nothing when the list is already the intended one', () => {
    expect(shouldApplyListLayout({ current: intended, intended, lastApplied: undefined, strapiDefault })).toBe(false);
    expect(shouldApplyListLayout({ current: intended, intended, lastApplied: intended, strapiDefault })).toBe(false);
  });

  it("replaces the project's own earlier version", () => {
    const earlier = ['occurredAt', 'toStatus'];
    expect(shouldApplyListLayout({ current: earlier, intended, lastApplied: earlier, strapiDefault })).toBe(true);
  });

  it('keeps a list an editor arranged, before or after the project wrote its own', () => {
    const arranged = ['id', 'toStatus', 'occurredAt'];
    expect(shouldApplyListLayout({ current: arranged, intended, lastApplied: undefined, strapiDefault })).toBe(false);
    expect(shouldApplyListLayout({ current: arranged, intended, lastApplied: intended, strapiDefault })).toBe(false);
    // Rearranged back to the default by hand after the project had written its list.
    expect(shouldApplyListLayout({ current: strapiDefault, intended, lastApplied: intended, strapiDefault })).toBe(
      false,
    );
  });
});

describe('strapiDefaultListLayout', () => {
  it('is id and the first three listable attributes', () => {
    expect(
      strapiDefaultListLayout({
        commentDocumentId: { type: 'string' },
        fromStatus: { type: 'enumeration' },
        toStatus: { type: 'enumeration' },
        reason: { type: 'enumeration' },
      }),
    ).toEqual(strapiDefault);
  });

  it('skips what the content manager cannot list', () => {
    expect(
      strapiDefaultListLayout({
        documentId: { type: 'string' },
        screening: { type: 'json' },
        body: { type: 'richtext' },
        comments: { type: 'relation', relation: 'oneToMany' },
        gallery: { type: 'media', multiple: true },
        source: { type: 'relation', relation: 'manyToOne' },
        title: { type: 'text' },
        slug: { type: 'uid' },
      }),
    ).toEqual(['id', 'source', 'title', 'slug']);
  });
});
