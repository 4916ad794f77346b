/**
 * Dates, numbers and counts as Persian news sites print them. Pure: unit-tested without a
 * browser (tests/unit/site/format.test.ts).
 */
export type Lang = 'fa' | 'en';
export type CommentStats = { total: number; pending: number; published: number };

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** ASCII digits as Persian ones (other characters stay). */
export function persianDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
}

export function formatNumber(value: number, lang: Lang): string {
  return lang === 'fa' ? persianDigits(value) : String(value);
}

const jalali = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-arabext', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Tehran',
});
const gregorian = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Tehran',
});

/**
 * A moment as a reader reads it: in Persian the Solar Hijri (Jalali) date and the time in
 * Persian digits, Tehran time («۹ آذر ۱۴۰۵، ساعت ۱۲:۳۰»); in English the Gregorian one.
 */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = (lang === 'fa' ? jalali : gregorian).formatToParts(date);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  if (lang === 'en') return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
  return persianDigits(`${part('day')} ${part('month')} ${part('year')}، ساعت ${part('hour')}:${part('minute')}`);
}

/** «مجموع نظرات : ۱۲  در انتظار بررسی : ۳  انتشار یافته : ۹», as Persian news sites print it. */
export function countsLine(stats: CommentStats, lang: Lang): string {
  if (lang === 'en') {
    return `Comments: ${stats.total}  Awaiting review: ${stats.pending}  Published: ${stats.published}`;
  }
  const n = (value: number) => persianDigits(value);
  return `مجموع نظرات : ${n(stats.total)}  در انتظار بررسی : ${n(stats.pending)}  انتشار یافته : ${n(stats.published)}`;
}
