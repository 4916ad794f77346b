import { documentFrequencies } from '../../../src/plugins/moderation/server/src/screening/frequencies';
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

describe('relevance on a site (issue #15)', () => {
  const NORTH_KOREA = {
    title: 'رهبر کره شمالی با قطار به روسیه رفت',
    lead: 'رهبر کره شمالی برای گفت‌وگو درباره همکاری نظامی با رئیس‌جمهور روسیه رفت.',
    body: 'کره شمالی و روسیه زیر تحریم هستند. پیونگ‌یانگ گلوله توپ می‌فروشد.',
    otherVersions: [{ title: 'North Korean leader Kim Jong Un travels to Russia', lead: '', body: '' }],
  };
  const OTHERS = [
    { title: 'باران در شمال شهر', lead: 'جاده‌های شمال لغزنده است', body: '' },
    { title: 'اجاره در محله‌های شمالی', lead: 'قیمت اجاره بالا رفت', body: '' },
    { title: 'پارک تازه در شمال غرب', lead: '', body: '' },
    { title: 'نمایشگاه کتاب', lead: 'ناشران آمدند', body: '' },
    { title: 'پیروزی تیم والیبال', lead: '', body: '' },
    { title: 'کاشت نهال', lead: 'قطار گردشگری تازه', body: '' },
  ];
  const site = documentFrequencies([NORTH_KOREA, ...OTHERS]);

  it('does not count the everyday half of a name, alone, as the article (شمال vs کره شمالی)', () => {
    const offTopic = 'هوای شمال این روزها بارانی و خنک است';
    expect(relevance(offTopic, NORTH_KOREA, site)).toBeLessThan(0.05);
    // Without the site's frequencies every word is informative, and "شمال" still counted.
    expect(relevance(offTopic, NORTH_KOREA)).toBeGreaterThan(0.1);
    expect(relevance('مردم کره شمالی گرسنه هستند', NORTH_KOREA, site)).toBeGreaterThan(0.3);
  });

  it('reads a name typed with a space or joined as one term', () => {
    expect(relevance('پیونگ یانگ دروغ می‌گوید', NORTH_KOREA, site)).toBeGreaterThan(0.3);
  });

  it('reads the other language versions', () => {
    expect(relevance('این Kim Jong Un عجیب است', NORTH_KOREA, site)).toBeGreaterThan(0.1);
    expect(relevance('این Kim Jong Un عجیب است', { ...NORTH_KOREA, otherVersions: [] }, site)).toBe(0);
  });

  it('lets one shared word among many count little', () => {
    const byChance = 'بازی کامپیوتری جدید همکاری دو نفره دارد و جذاب است';
    expect(relevance(byChance, NORTH_KOREA, site)).toBeLessThan(0.05);
  });

  it('reads spoken endings and enclitics (تحریما، پیونگ‌یانگشون)', () => {
    expect(relevance('تحریما بی‌اثره', NORTH_KOREA, site)).toBe(relevance('تحریم بی‌اثره', NORTH_KOREA, site));
    expect(relevance('تحریما بی‌اثره', NORTH_KOREA, site)).toBeGreaterThan(0.1);
  });

  it('reads the count the article repeats before a common noun as a reference to its parties (دو کشور)', () => {
    const twoCountries = {
      ...NORTH_KOREA,
      lead: `${NORTH_KOREA.lead} همکاری دو کشور گسترش می‌یابد.`,
      body: `${NORTH_KOREA.body} هر دو کشور زیر تحریم هستند.`,
    };
    const withCountry = documentFrequencies([
      twoCountries,
      ...OTHERS.map((other) => ({ ...other, body: 'این کشور و آن کشور' })),
    ]);
    const comment = 'دو کشور منزوی حالا با هم دوست شده‌اند و دنیا نگران است';
    expect(relevance(comment, twoCountries, withCountry)).toBeGreaterThan(0.1);
    // The noun alone, another count, or a count the article uses once: a common word shared by chance.
    expect(relevance('کشور منزوی حالا با هم دوست شده و دنیا نگران است', twoCountries, withCountry)).toBeLessThan(0.05);
    expect(relevance('سه کشور منزوی حالا با هم دوست شده‌اند و دنیا نگران است', twoCountries, withCountry)).toBeLessThan(
      0.05,
    );
    const once = { ...twoCountries, body: NORTH_KOREA.body };
    expect(relevance(comment, once, withCountry)).toBeLessThan(0.05);
  });

  it('weighs a word many articles use less than one only this article uses', () => {
    // Both title words: "قطار" is also in another article, "روسیه" only in this one.
    expect(relevance('قطار آنجا شلوغ بود', NORTH_KOREA, site)).toBeLessThan(
      relevance('روسیه آنجا شلوغ بود', NORTH_KOREA, site),
    );
  });
});
