/**
 * The word list a new site starts with: accusations, slander and insults as they appear in
 * comment sections. Moderators edit the live list; this is only the seed.
 *
 * Written in ordinary Persian. Every term is a whole word or phrase whose longer innocent
 * relatives (دزدگیر, جاسوسی, کلاهبرداری, احمقانه ...) are not matched: see the tests.
 * Words that are mostly everyday vocabulary in their plain sense (آشغال "rubbish",
 * قاتل "murderer", حقوق‌بگیر "wage earner") are left out, and so are words that are also verb
 * forms (نفهم: "شاید نفهمی" is "maybe you won't understand").
 */
export const DEFAULT_BLOCKLIST: readonly string[] = [
  'دزد',
  'مزدور',
  'خائن',
  'دروغگو',
  'اختلاس‌گر',
  'جاسوس',
  'فاسد',
  'بی‌شرف',
  'وطن‌فروش',
  'آدم‌فروش',
  'نوکر',
  'رشوه‌خوار',
  'رانت‌خوار',
  'جیره‌خوار',
  'ریاکار',
  'شیاد',
  'کلاهبردار',
  'بی‌وجدان',
  'بی‌غیرت',
  'بی‌شعور',
  'احمق',
  'لاشخور',
  'بی‌همه‌چیز',
  'مفت‌خور',
  'خودفروخته',
  'دغل‌باز',
  'پست‌فطرت',
  'بی سر و پا',
  'خاک بر سر',
];
