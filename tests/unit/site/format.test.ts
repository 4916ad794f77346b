import { countsLine, formatDateTime, persianDigits } from '../../../site/src/format';

describe('the reference site prints', () => {
  it('the counts as Persian news sites do', () => {
    expect(countsLine({ total: 12, pending: 3, published: 9 }, 'fa')).toBe(
      'مجموع نظرات : ۱۲  در انتظار بررسی : ۳  انتشار یافته : ۹',
    );
    expect(countsLine({ total: 12, pending: 3, published: 9 }, 'en')).toBe(
      'Comments: 12  Awaiting review: 3  Published: 9',
    );
  });

  it('Solar Hijri dates in Persian digits, Tehran time', () => {
    // 2026-03-21 is 1 Farvardin 1405; 08:30 UTC is 12:00 in Tehran (UTC+3:30).
    expect(formatDateTime('2026-03-21T08:30:00Z', 'fa')).toBe('۱ فروردین ۱۴۰۵، ساعت ۱۲:۰۰');
    expect(formatDateTime('2026-11-30T08:30:00Z', 'fa')).toBe('۹ آذر ۱۴۰۵، ساعت ۱۲:۰۰');
    expect(formatDateTime('2026-11-30T08:30:00Z', 'en')).toBe('30 November 2026, 12:00');
    expect(formatDateTime('not a date', 'fa')).toBe('');
  });

  it('Persian digits', () => {
    expect(persianDigits('2026-11')).toBe('۲۰۲۶-۱۱');
  });
});
