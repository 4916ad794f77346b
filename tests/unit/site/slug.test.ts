import { articleSegment, persianSlug, storedSlugOf } from '../../../site/src/slug';
import { slugFromTitle } from '../../../src/lib/persian-slug';

describe('Persian-script article URLs', () => {
  it.each([
    'بودجهٔ شهرداری تهران تصویب شد',
    'سلام دنیا',
    'قیمت دلار امروز ۱۴ آذر؛ کاهش ۲ درصدی!',
    'می‌رود «تهران» – گزارش ۲۰۲۶',
    'Tehran passes the budget',
  ])('resolve to the stored slug of %p', (title) => {
    expect(storedSlugOf(persianSlug(title))).toBe(slugFromTitle(title));
  });

  it('keep the title readable, joined by hyphens', () => {
    expect(persianSlug('بودجهٔ شهرداری تهران، تصویب شد!')).toBe('بودجهٔ-شهرداری-تهران-تصویب-شد');
  });

  it('link by the Persian slug only when it leads back to the article', () => {
    const article = { documentId: 'a'.repeat(24), title: 'سلام دنیا', slug: 'slam-dnya' };
    expect(articleSegment(article)).toBe('سلام-دنیا');
    // A repeated title got `-2`: the Persian slug would open the first one.
    expect(articleSegment({ ...article, slug: 'slam-dnya-2' })).toBe(article.documentId);
    expect(articleSegment({ ...article, slug: null })).toBe(article.documentId);
  });
});
