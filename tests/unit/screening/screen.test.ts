import {
  DEFAULT_BLOCKLIST,
  duplicateFingerprint,
  SCREENING_FLAGS,
  type ScreeningRules,
  screenComment,
} from '../../../src/plugins/moderation/server/src/screening';

const RULES: ScreeningRules = { blocklist: [...DEFAULT_BLOCKLIST], relevanceThreshold: 0.15, maxLinks: 1 };
const ARTICLE = { title: 'افزایش قیمت بنزین از هفته آینده', lead: 'قیمت هر لیتر بنزین سهمیه‌ای افزایش می‌یابد.' };
const ON_TOPIC = 'افزایش قیمت بنزین همه چیز را گران می‌کند';

describe('screenComment', () => {
  it('flags nothing in an ordinary Persian comment on topic', () => {
    expect(screenComment({ text: ON_TOPIC, article: ARTICLE }, RULES)).toEqual({
      language: 'fa',
      languageConfidence: expect.any(Number),
      blocklist: [],
      relevance: expect.any(Number),
      flags: [],
      suggestedReason: null,
    });
  });

  it('suggests slander for a listed word, above every other reason', () => {
    const screening = screenComment(
      { text: 'این مسئول دزد است، زنگ بزنید ۰۹۱۲۳۴۵۶۷۸۹', article: ARTICLE, isDuplicate: true },
      RULES,
    );
    expect(screening.blocklist).toEqual(['دزد']);
    expect(screening.flags).toEqual(['blocklisted', 'off_topic', 'spam', 'duplicate']);
    expect(screening.suggestedReason).toBe('slander');
  });

  it('flags other languages, Finglish included, but not undetermined text', () => {
    expect(screenComment({ text: 'هذا الخبر غير صحيح على الإطلاق' }, RULES)).toMatchObject({
      language: 'ar',
      flags: ['not_persian'],
      suggestedReason: 'not_persian',
    });
    expect(screenComment({ text: 'salam, kheili khoob bood merci' }, RULES).flags).toEqual(['not_persian']);
    expect(screenComment({ text: '👍👍' }, RULES)).toMatchObject({ language: 'und', flags: [], suggestedReason: null });
  });

  it('flags off topic only with an article and enough content words', () => {
    const offTopic = 'تیم فوتبال استقلال دیشب بازی را واگذار کرد';
    expect(screenComment({ text: offTopic, article: ARTICLE }, RULES)).toMatchObject({
      relevance: 0,
      flags: ['off_topic'],
      suggestedReason: 'off_topic',
    });
    expect(screenComment({ text: offTopic }, RULES)).toMatchObject({ relevance: null, flags: [] });
    expect(screenComment({ text: offTopic, article: null }, RULES).relevance).toBeNull();
    expect(screenComment({ text: offTopic, article: {} }, RULES).relevance).toBeNull();
    expect(screenComment({ text: 'موافقم، حق با شماست', article: ARTICLE }, RULES).flags).toEqual([]);
  });

  it('flags too many links as spam', () => {
    const screening = screenComment({ text: 'این سایت\u200Cها را ببینید: a.ir و b.ir و www.c.com' }, RULES);
    expect(screening.flags).toEqual(['spam', 'too_many_links']);
    expect(screening.suggestedReason).toBe('spam');
    expect(screenComment({ text: 'منبع خبر را در a.ir ببینید' }, RULES).flags).toEqual([]);
  });

  it('flags a comment that is only a link as spam, and a link in prose not (issue #15)', () => {
    for (const text of [
      'https://bit.ly/3abc',
      'www.shop.example.ir',
      'shop.ir/offers 🔥🔥',
      'https://a.ir/x\nhttps://a.ir/y',
    ]) {
      expect(screenComment({ text }, { ...RULES, maxLinks: 2 })).toMatchObject({
        flags: ['spam'],
        suggestedReason: 'spam',
      });
    }
    expect(screenComment({ text: 'منبع: https://example.ir/report' }, RULES).flags).toEqual([]);
  });

  it('flags phone numbers, messenger handles and a filled honeypot as spam', () => {
    for (const text of ['برای خرید با ۰۹۱۲ ۳۴۵ ۶۷۸۹ تماس بگیرید', 'برای خرید به تلگرام @cheap_shop پیام بدهید']) {
      expect(screenComment({ text }, RULES)).toMatchObject({ flags: ['spam'], suggestedReason: 'spam' });
    }
    expect(screenComment({ text: ON_TOPIC, honeypotFilled: true }, RULES)).toMatchObject({
      flags: ['spam'],
      suggestedReason: 'spam',
    });
  });

  it('flags a duplicate as duplicate and spam', () => {
    expect(screenComment({ text: ON_TOPIC, isDuplicate: true }, RULES)).toMatchObject({
      flags: ['spam', 'duplicate'],
      suggestedReason: 'spam',
    });
  });

  it('flags bidi controls; only an override suggests a reason; marks are not flagged', () => {
    expect(screenComment({ text: 'نسخه iOS\u200F را نصب کردم و راضی هستم' }, RULES)).toMatchObject({
      flags: [],
      suggestedReason: null,
    });
    expect(screenComment({ text: 'نسخه \u2066iOS\u2069 را نصب کردم و راضی هستم' }, RULES)).toMatchObject({
      flags: ['bidi_control'],
      suggestedReason: null,
    });
    expect(screenComment({ text: 'این متن \u202Eوارونه\u202C است و عجیب' }, RULES)).toMatchObject({
      flags: ['bidi_control'],
      suggestedReason: 'other',
    });
  });

  it('puts spam before not_persian and not_persian before off_topic', () => {
    expect(screenComment({ text: 'Buy cheap fuel at www.fuel.com and www.gas.com today' }, RULES)).toMatchObject({
      flags: ['not_persian', 'spam', 'too_many_links'],
      suggestedReason: 'spam',
    });
    expect(screenComment({ text: 'The football match last night was great', article: ARTICLE }, RULES)).toMatchObject({
      flags: ['not_persian', 'off_topic'],
      suggestedReason: 'not_persian',
    });
  });

  it('reports flags once each, in the declared order', () => {
    const screening = screenComment(
      {
        text: 'The thief دزد sells at a.com b.com c.com, call +98 912 345 6789 \u202E',
        article: ARTICLE,
        honeypotFilled: true,
        isDuplicate: true,
      },
      RULES,
    );
    // A sender's own repeat and a copy of another reader's text exclude each other.
    expect(screening.flags).toEqual(SCREENING_FLAGS.filter((flag) => flag !== 'copied_text'));
  });

  it('flags a copy of another reader’s text without calling it spam, so it is never auto-rejected', () => {
    const text = 'گزارش دقیقی بود، ممنون از خبرنگار';
    const copied = screenComment({ text, article: ARTICLE, copiesOtherReader: true }, RULES);
    expect(copied.flags).toContain('copied_text');
    expect(copied.flags).not.toContain('spam');
    expect(copied.flags).not.toContain('duplicate');
    expect(copied.suggestedReason).toBeNull();
    const repeated = screenComment({ text, article: ARTICLE, isDuplicate: true, copiesOtherReader: true }, RULES);
    expect(repeated.flags).toEqual(expect.arrayContaining(['duplicate', 'spam']));
    expect(repeated.flags).not.toContain('copied_text');
  });

  it('uses the list it is given', () => {
    expect(screenComment({ text: 'این آقا واقعا نابغه است' }, { ...RULES, blocklist: ['نابغه'] }).blocklist).toEqual([
      'نابغه',
    ]);
    expect(screenComment({ text: 'این آقا واقعا دزد است' }, { ...RULES, blocklist: [] }).flags).toEqual([]);
  });
});

describe('duplicateFingerprint', () => {
  it('is a sha256 hex digest', () => {
    expect(duplicateFingerprint('سلام')).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('is the same for the same words typed differently', () => {
    const variants = [
      'اين كتاب‌ها را مي‌خوانم',
      'این کتابها را میخوانم',
      'این کتاب ها را می خوانم',
      ' این  کتاب‌ها را می‌خوانم ',
    ];
    expect(new Set(variants.map(duplicateFingerprint)).size).toBe(1);
  });

  it('differs for different texts, emoji-only ones included', () => {
    expect(duplicateFingerprint('کتاب خوبی است')).not.toBe(duplicateFingerprint('کتاب بدی است'));
    expect(duplicateFingerprint('😀')).not.toBe(duplicateFingerprint('😡'));
  });
});
