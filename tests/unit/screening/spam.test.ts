import { spamSignals } from '../../../src/plugins/moderation/server/src/screening/spam';

describe('spamSignals: links', () => {
  it.each([
    ['https://example.com/a?b=1', 1, ['example.com']],
    ['http://www.Example.com', 1, ['example.com']],
    ['سایت www.khabar-shop.ir را ببینید', 1, ['khabar-shop.ir']],
    ['به shop.ir/offers سر بزنید', 1, ['shop.ir']],
    ['کانال t.me/news_fa', 1, ['t.me']],
    ['bit.ly/x1 و tinyurl.com/y و goo.gl/z', 3, ['bit.ly', 'tinyurl.com', 'goo.gl']],
    ['example[.]com و example (dot) net', 2, ['example.com', 'example.net']],
    ['https://a.ir/1 https://a.ir/2', 2, ['a.ir']],
  ])('%s', (text, links, domains) => {
    const signals = spamSignals(text);
    expect(signals.links).toBe(links);
    expect(signals.domains).toEqual(domains);
  });

  it.each([
    'قیمت بنزین ۳۰۰۰ تومان شد.',
    'این گزارش در ساعت 10.30 منتشر شد',
    'نسخه 2.5.1 منتشر شد',
    'فایل report.pdf را بخوانید',
    'Mr.Smith said so. Then he left.',
  ])('finds no link in %s', (text) => {
    expect(spamSignals(text).links).toBe(0);
  });

  it('does not count the domain of an e-mail address as a link', () => {
    expect(spamSignals('ایمیل: ali.rezaei@gmail.com')).toMatchObject({ links: 0, messengerHandles: 1 });
  });
});

describe('spamSignals: phone numbers', () => {
  it.each([
    ['09123456789', 1],
    ['۰۹۱۲۳۴۵۶۷۸۹', 1],
    ['٠٩١٢٣٤٥٦٧٨٩', 1],
    ['تماس: ۰۹۱۲ ۳۴۵ ۶۷ ۸۹', 1],
    ['0912-345-6789', 1],
    ['+98 912 345 6789', 1],
    ['+۹۸۹۱۲۳۴۵۶۷۸۹', 1],
    ['00989123456789', 1],
    ['تلفن دفتر (021) 8888 1234', 1],
    ['شماره۰۹۱۲۳۴۵۶۷۸۹ یا 09351234567', 2],
    ['+44 20 7946 0958', 1],
  ])('%s → %d', (text, count) => {
    expect(spamSignals(text).phoneNumbers).toBe(count);
  });

  it.each([
    'در سال ۱۴۰۲ حدود ۱۲۰۰۰۰۰ نفر',
    'قیمت ۱,۲۰۰,۰۰۰,۰۰۰ تومان',
    'بودجه 100.000.000.000 ریال',
    'کد ملی را وارد نکنید',
    'تاریخ 1403/05/12',
  ])('finds no phone number in %s', (text) => {
    expect(spamSignals(text).phoneNumbers).toBe(0);
  });
});

describe('spamSignals: messenger handles', () => {
  it.each([
    ['پیام بدهید @shop_online', 1],
    ['تلگرام: ali_shop', 1],
    ['آیدی تلگرام @ali_shop', 1],
    ['واتساپ zara123', 1],
    ['telegram: cheapfuel', 1],
    ['whatsapp @cheapfuel', 1],
    ['t.me/cheap_fuel', 1],
    ['https://wa.me/989123456789', 1],
    ['ایمیل a.b@example.com', 1],
    ['اینستاگرام shop.ir_offers و تلگرام @shop', 2],
  ])('%s → %d', (text, count) => {
    expect(spamSignals(text).messengerHandles).toBe(count);
  });

  it.each([
    'این خبر را در تلگرام دیدم',
    'I saw this on telegram channels yesterday',
    'ali@ home',
    'قیمت‌ها @ ۲۰ درصد بالا رفت',
  ])('finds none in %s', (text) => {
    expect(spamSignals(text).messengerHandles).toBe(0);
  });
});

describe('spamSignals: links only', () => {
  it.each([
    ['https://bit.ly/3abc', true],
    ['  www.shop.ir  👇👇', true],
    ['t.me/channel', true],
    ['example[.]com', true],
    ['منبع: https://example.ir/report', false],
    ['ببینید www.shop.ir', false],
    ['بدون پیوند', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(spamSignals(text).linksOnly).toBe(expected);
  });
});
