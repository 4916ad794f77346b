import {
  articleProfile,
  contentTokens,
  isStopword,
  relevance,
  relevanceToProfile,
  stem,
  stripMarkdown,
} from '../../../src/plugins/moderation/server/src/screening/relevance';

const ARTICLE = {
  title: 'افزایش قیمت بنزین از هفته آینده',
  lead: 'دولت اعلام کرد قیمت هر لیتر بنزین سهمیه‌ای از شنبه افزایش می‌یابد.',
  body: '## جزئیات\n\nکارشناسان می‌گویند **تورم** بالا می‌رود و [مصوبه](https://example.ir/x) منتشر شد.\n\n- صف جایگاه‌های سوخت طولانی شد',
};

describe('relevance', () => {
  it('is high for a comment about the article and zero for one about something else', () => {
    const onTopic = relevance('گرانی بنزین تورم را بیشتر می‌کند', ARTICLE);
    const offTopic = relevance('تیم فوتبال استقلال دیشب بازی را باخت', ARTICLE);
    expect(onTopic).toBeGreaterThan(0.3);
    expect(offTopic).toBe(0);
  });

  it('stays within 0..1', () => {
    expect(relevance('بنزین بنزین بنزین قیمت', ARTICLE)).toBeLessThanOrEqual(1);
    expect(relevance('افزایش قیمت بنزین', ARTICLE)).toBe(1);
  });

  it('weighs title words more than body words', () => {
    expect(relevance('بنزین خودروها', ARTICLE)).toBeGreaterThan(relevance('تورم خودروها', ARTICLE));
  });

  it('matches across spelling variants, suffixes and the Arabic keyboard', () => {
    expect(relevance('قيمت‌هاي بنزين', ARTICLE)).toBe(1);
    expect(relevance('جایگاه های سوخت', ARTICLE)).toBeGreaterThan(0.5);
  });

  it('is 0 for a comment with no content words', () => {
    expect(relevance('خیلی ممنون از شما 👍', ARTICLE)).toBe(0);
    expect(relevance('', ARTICLE)).toBe(0);
  });

  it('ignores markdown syntax and link targets in the body', () => {
    expect(relevance('example https', { body: ARTICLE.body })).toBe(0);
    expect(relevance('مصوبه منتشر شد', { body: ARTICLE.body })).toBeGreaterThan(0.5);
  });

  it('gives the same answer through a prepared article profile', () => {
    const profile = articleProfile(ARTICLE);
    const comment = 'سهمیه بنزین کافی نیست';
    expect(relevanceToProfile(comment, profile)).toBe(relevance(comment, ARTICLE));
  });
});

describe('contentTokens', () => {
  it('drops Persian function words, courtesy words and numbers', () => {
    expect(contentTokens('من فکر می‌کنم که این قیمت‌ها در ۱۴۰۳ بالا رفت، ممنون')).toEqual(['قیمتها', 'رفت']);
  });
});

describe('stopwords', () => {
  it('knows the common function words in any spelling', () => {
    for (const word of ['است', 'می‌شود', 'میشود', 'اين', 'را', 'برای', 'هم']) expect(isStopword(word)).toBe(true);
    expect(isStopword('بنزین')).toBe(false);
  });
});

describe('stem', () => {
  it.each([
    ['کتابها', 'کتاب'],
    ['کتابهای', 'کتاب'],
    ['اقتصادی', 'اقتصاد'],
    ['انتخابات', 'انتخاب'],
    ['کارگران', 'کارگر'],
    ['دانشجویان', 'دانشجو'],
    ['بزرگترین', 'بزرگ'],
    ['ایران', 'ایران'],
    ['تهران', 'تهران'],
    ['علی', 'علی'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('stripMarkdown', () => {
  it('keeps the words and drops the syntax', () => {
    const text = stripMarkdown(
      '# عنوان\n\n> نقل **مهم** و `کد`\n\n![عکس](a.png) [پیوند](https://x.ir)\n\n1. اول\n- دوم <b>سوم</b>',
    );
    expect(text.replace(/\s+/gu, ' ').trim()).toBe('عنوان نقل مهم و عکس پیوند اول دوم سوم');
  });
});
