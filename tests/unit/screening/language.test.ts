import { detectLanguage } from '../../../src/plugins/moderation/server/src/screening/language';

describe('detectLanguage', () => {
  it.each([
    ['Persian', 'این گزارش دقیق بود و از نویسنده ممنونم', 'fa'],
    ['Persian typed on an Arabic keyboard', 'اين گزارش دقيق بود و از نويسنده ممنونم', 'fa'],
    ['Persian with no Persian-only letter', 'این خبر مهم است و باید همه بدانند', 'fa'],
    ['Persian with a Latin word', 'این قابلیت در Android هم هست', 'fa'],
    ['Persian with an emoji', 'خیلی خوب بود 😍 دمتون گرم', 'fa'],
    ['Persian with an RLM mark', 'نسخه iOS\u200F را نصب کردم و راضی هستم', 'fa'],
    ['Arabic', 'هذا القرار سيؤثر على حياة الناس في كل مكان', 'ar'],
    ['Urdu', 'حکومت کو عوام کی بات سننی چاہیے', 'ur'],
    ['Pashto', 'دا کار ډېر ښه دی او موږ یې خوښوو', 'ps'],
    ['Sorani Kurdish', 'ئەم بابەتە زۆر باشە و سوپاس بۆ نووسەر', 'ckb'],
    ['English', 'I think this is the best report on the subject', 'en'],
    ['Finglish', 'kheili mamnoon, gozaresh aali bood', 'fa-Latn'],
    ['French', 'Je ne suis pas du tout d’accord avec vous', 'other'],
    ['Russian', 'Я полностью согласен с автором статьи', 'other'],
    ['South Azerbaijani', 'بو مقاله چوخ یاخشی دیر، ساغ اولون', 'azb'],
    ['South Azerbaijani verbs', 'من بو ایشی بیلمیرم، سیز نه دئییرسینیز', 'azb'],
    ['Sindhi', 'هي ڳالهه سچ آهي ۽ اسان کي خبر آهي', 'sd'],
    ['Uyghur', 'بۇ خەۋەر بىز ئۈچۈن مۇھىم', 'ug'],
    ['Chinese, no spaces', '我觉得这个新闻很重要', 'other'],
    ['Chinese, two characters', '谢谢', 'other'],
    ['Japanese', 'とても良い記事です', 'other'],
    ['Hindi', 'बहुत अच्छी खबर', 'other'],
    ['Greek, two words', 'Πολύ καλό', 'other'],
    ['colloquial Persian', 'میخام بدونم چرا نمیدونن', 'fa'],
    ['Dari', 'شما از کجا استید و چه کار میکنید', 'fa'],
    ['Dari with ده and ره', 'او کار ره ده خانه کده', 'fa'],
    ['Persian with دیر and بو', 'دیر شد و بوی غذا همه جا را گرفت', 'fa'],
  ])('%s', (_name, text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([
    ['one word', 'عالی'],
    ['two words', 'خیلی ممنون'],
    ['two English words', 'thanks much'],
    ['emoji only', '😂😂😂 👍👍'],
    ['links only', 'https://example.com www.example.ir x.ir/page'],
    ['a handle and a link', '@someone t.me/channel'],
    ['empty', ''],
    ['digits only', '۱۲۳ ۴۵۶ ۷۸۹'],
  ])('answers und for %s', (_name, text) => {
    expect(detectLanguage(text)).toEqual({ language: 'und', confidence: 0 });
  });

  it('gives a confidence between 0 and 1, higher with more evidence', () => {
    const short = detectLanguage('این خوب است');
    const long = detectLanguage('این گزارش خوب است و من فکر می\u200Cکنم که همه باید آن را بخوانند');
    for (const guess of [short, long]) {
      expect(guess.confidence).toBeGreaterThanOrEqual(0);
      expect(guess.confidence).toBeLessThanOrEqual(1);
    }
    expect(long.confidence).toBeGreaterThan(short.confidence);
  });

  it('calls Arabic-script text with no evidence at all Persian, not another language', () => {
    expect(detectLanguage('تحریم شدید مذاکره').language).toBe('fa');
  });
});
