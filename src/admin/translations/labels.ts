// Pure module (no admin imports), so the unit tests read it too.
import {
  type Label,
  MODERATION_STATUS_LABELS,
  REJECTION_REASON_LABELS,
} from '../../plugins/moderation/server/src/domain/vocabulary';

/**
 * Field names as the people in the newsroom say them, in both interface languages.
 *
 * Strapi's content manager looks a field's label up as the message
 * `content-manager.content-types.<uid>.<field>` before falling back to the layout's `label`
 * (the edit view and the list's column headers do; the Filters menu is given it by
 * `translateFilterLabels`). Layout labels are one string for every language, so the names live
 * here as translations: the label follows the interface language, and the layouts an editor
 * arranged (order, sizes, visible columns) are left untouched.
 */
export const FIELD_LABELS: Record<string, Record<string, Label>> = {
  'api::article.article': {
    title: { fa: 'تیتر', en: 'Headline' },
    slug: { fa: 'نشانی (اسلاگ)', en: 'URL slug' },
    lead: { fa: 'لید', en: 'Lead' },
    body: { fa: 'متن خبر', en: 'Story text' },
    cover: { fa: 'عکس اصلی', en: 'Cover image' },
    source: { fa: 'منبع', en: 'Source' },
    commentsEnabled: { fa: 'نظرها باز است', en: 'Comments open' },
    commentsCloseAt: { fa: 'بسته شدن نظرها در', en: 'Comments close at' },
    comments: { fa: 'نظرها', en: 'Comments' },
  },
  'api::source.source': {
    name: { fa: 'نام منبع', en: 'Source name' },
    slug: { fa: 'نشانی (اسلاگ)', en: 'URL slug' },
    kind: { fa: 'نوع منبع', en: 'Kind of source' },
    website: { fa: 'وب‌سایت', en: 'Website' },
    articles: { fa: 'خبرها', en: 'Articles' },
  },
  'api::comment.comment': {
    body: { fa: 'متن نظر', en: 'Comment text' },
    authorName: { fa: 'نام نویسنده', en: 'Author name' },
    authorEmail: { fa: 'ایمیل نویسنده', en: 'Author email' },
    article: { fa: 'خبر', en: 'Article' },
    moderationStatus: { fa: 'وضعیت', en: 'Status' },
    rejectionReason: { fa: 'دلیل رد', en: 'Rejection reason' },
    moderationNote: { fa: 'یادداشت بررسی', en: 'Moderator note' },
    moderatedBy: { fa: 'بررسی‌کننده', en: 'Moderated by' },
    moderatedAt: { fa: 'زمان بررسی', en: 'Moderated at' },
    ipHash: { fa: 'اثر نشانی IP', en: 'IP hash' },
    userAgent: { fa: 'مرورگر فرستنده', en: 'Browser (user agent)' },
    screening: { fa: 'نتیجهٔ غربال خودکار', en: 'Screening result' },
    fingerprint: { fa: 'اثر متن', en: 'Text fingerprint' },
    parentDocumentId: { fa: 'پاسخ به نظر', en: 'Reply to comment' },
  },
};

/**
 * Fields Strapi adds to every type, named the same way: list columns show them (the comment
 * list's `createdAt`, by which the queue is sorted), and without a message their header is the
 * bare attribute name in every language.
 */
export const SYSTEM_FIELD_LABELS: Record<string, Label> = {
  id: { fa: 'شناسه', en: 'ID' },
  createdAt: { fa: 'زمان ثبت', en: 'Created at' },
  updatedAt: { fa: 'آخرین ویرایش', en: 'Updated at' },
  publishedAt: { fa: 'زمان انتشار', en: 'Published at' },
};

/** Every field label of a type: its own fields and Strapi's. */
const labelsOf = (uid: string): Record<string, Label> => ({ ...SYSTEM_FIELD_LABELS, ...FIELD_LABELS[uid] });

/**
 * Values of enumeration fields: the content manager's select looks each option up as a message
 * whose id is the bare value. Statuses and reasons come from the moderation vocabulary.
 */
export const ENUM_VALUE_LABELS: Record<string, Label> = {
  ...MODERATION_STATUS_LABELS,
  ...REJECTION_REASON_LABELS,
  news_agency: { fa: 'خبرگزاری', en: 'News agency' },
  newspaper: { fa: 'روزنامه', en: 'Newspaper' },
  broadcaster: { fa: 'رادیو و تلویزیون', en: 'Broadcaster' },
  website: { fa: 'پایگاه خبری', en: 'News website' },
  government: { fa: 'نهاد دولتی', en: 'Government body' },
  // `other` is both a source kind and a rejection reason: one message id, a word fitting both.
  other: { fa: 'دیگر', en: 'Other' },
};

/**
 * Content-type names: the content manager's menu and page titles look a type's display name up
 * as a message whose id is that name.
 */
export const CONTENT_TYPE_NAMES: Record<string, Label> = {
  Article: { fa: 'خبر', en: 'Article' },
  Comment: { fa: 'نظر', en: 'Comment' },
  Source: { fa: 'منبع', en: 'Source' },
  'Moderation event': { fa: 'رویداد بررسی نظر', en: 'Moderation event' },
  'Moderation settings': { fa: 'تنظیمات بررسی نظرها', en: 'Moderation settings' },
  User: { fa: 'کاربر سایت', en: 'User' },
};

export type InterfaceLanguage = keyof Label;

export const fieldLabelId = (uid: string, field: string) => `content-manager.content-types.${uid}.${field}`;

/** The label messages of one interface language, keyed by Strapi's message ids. */
export function labelMessages(language: InterfaceLanguage): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const uid of Object.keys(FIELD_LABELS)) {
    for (const [field, label] of Object.entries(labelsOf(uid))) messages[fieldLabelId(uid, field)] = label[language];
  }
  for (const [value, label] of Object.entries(ENUM_VALUE_LABELS)) messages[value] = label[language];
  for (const [name, label] of Object.entries(CONTENT_TYPE_NAMES)) messages[name] = label[language];
  return messages;
}

/** For the Filters menu: field → message id, per content type. */
export const FIELD_FILTER_LABEL_IDS: Record<string, Record<string, string>> = Object.fromEntries(
  Object.keys(FIELD_LABELS).map((uid) => [
    uid,
    Object.fromEntries(Object.keys(labelsOf(uid)).map((field) => [field, fieldLabelId(uid, field)])),
  ]),
);
