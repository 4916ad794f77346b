import { errors } from '@strapi/utils';
import {
  LIMITS,
  MODERATION_ACTIONS,
  MODERATION_STATUS_LABELS,
  REJECTION_REASONS,
  REPORT_REASONS,
} from '../plugins/moderation/server/src/domain/vocabulary';

const persianNumber = new Intl.NumberFormat('fa-IR', { useGrouping: true });
const englishNumber = new Intl.NumberFormat('en-US', { useGrouping: true });
/** A limit written into a message: ASCII digits in English, Persian digits in Persian. */
const en = (value: number) => englishNumber.format(value);
const fa = (value: number) => persianNumber.format(value);
/** Codes a client sends, listed in a sentence. */
const codesEn = (codes: readonly string[]) => codes.join(', ');
const codesFa = (codes: readonly string[]) => codes.join('، ');

/**
 * Every message a frontend may show a reader, in Persian and English. Errors carry both in
 * `error.details.messages`; `error.message` is the English one, as Strapi clients expect.
 */
export const MESSAGES = {
  query_unknown_parameter: {
    en: 'The query parameter "{name}" is not supported.',
    fa: 'پارامتر «{name}» در درخواست پشتیبانی نمی‌شود.',
  },
  query_bad_pagination: {
    en: 'pagination[{name}] must be a whole number between {min} and {max}.',
    fa: 'مقدار pagination[{name}] باید عددی صحیح بین {min} و {max} باشد.',
  },
  query_bad_logical_operator: {
    en: 'The filter operator {name} needs a list of conditions.',
    fa: 'عملگر {name} در فیلتر باید فهرستی از شرط‌ها باشد.',
  },
  query_bad_not_operator: {
    en: 'The filter operator $not needs a condition object.',
    fa: 'عملگر $not در فیلتر باید یک شرط باشد.',
  },
  query_bad_sort: {
    en: 'Sorting by "{name}" is not supported.',
    fa: 'مرتب‌سازی بر اساس «{name}» پشتیبانی نمی‌شود.',
  },
  query_unknown_locale: {
    en: 'Unknown locale "{name}". Use one of: {list}.',
    fa: 'زبان «{name}» شناخته نیست. یکی از این‌ها را به کار ببرید: {list}.',
  },
  query_bad_value: {
    en: 'The query parameter "{name}" has a value of the wrong shape.',
    fa: 'مقدار پارامتر «{name}» در درخواست شکل درستی ندارد.',
  },
  query_bad_logical_item: {
    en: 'Each condition in {name} must be an object of fields, like {name}[title][$eq]=….',
    fa: 'هر شرط در {name} باید مجموعه‌ای از فیلدها باشد، مانند {name}[title][$eq]=….',
  },
  query_bad_filter_value: {
    en: 'The filter {name} has a value of the wrong type.',
    fa: 'مقدار فیلتر {name} از نوع درستی نیست.',
  },
  query_bad_between: {
    en: 'The filter {name} needs exactly two values.',
    fa: 'فیلتر {name} دقیقاً دو مقدار لازم دارد.',
  },
  query_populate_count: {
    en: 'Counting related entries through populate ({name}) is not supported.',
    fa: 'شمارش موارد مرتبط از راه populate ({name}) پشتیبانی نمی‌شود.',
  },
  query_populate_not_allowed: {
    en: 'Populating {name} is not supported.',
    fa: 'populate در {name} پشتیبانی نمی‌شود.',
  },
  query_search_not_supported: {
    en: 'Full-text search (_q) is not available here; use filters on public fields.',
    fa: 'جست‌وجوی متنی (_q) در اینجا در دسترس نیست؛ از فیلتر روی فیلدهای عمومی استفاده کنید.',
  },
  query_locale_not_single: {
    en: 'locale must be one locale code, such as fa or en.',
    fa: 'پارامتر locale باید یک کد زبان باشد، مانند fa یا en.',
  },
  query_unsupported: {
    en: 'This query cannot be run. Check its filters, sort and populate.',
    fa: 'این درخواست اجراشدنی نیست. فیلترها، مرتب‌سازی و populate آن را بررسی کنید.',
  },
  request_bad_characters: {
    en: 'The request contains a NUL character or broken Unicode text, which cannot be stored.',
    fa: 'درخواست نویسهٔ NUL یا متن یونیکد ناقص دارد که ذخیره‌شدنی نیست.',
  },
  request_bad_encoding: {
    en: 'The request body could not be decoded: check its Content-Encoding.',
    fa: 'بدنهٔ درخواست رمزگشایی نشد: Content-Encoding آن را بررسی کنید.',
  },
  request_unsupported_media_type: {
    en: 'The request body must be JSON (Content-Type: application/json).',
    fa: 'بدنهٔ درخواست باید JSON باشد (Content-Type: application/json).',
  },
  request_too_large: {
    en: 'The request is too large.',
    fa: 'درخواست بیش از اندازه بزرگ است.',
  },
  request_bad_json: {
    en: 'The request body is not valid JSON.',
    fa: 'بدنهٔ درخواست JSON معتبری نیست.',
  },
  query_invalid_key: {
    en: 'The {param} parameter names "{key}", which is unknown or not public.',
    fa: 'پارامتر {param} به «{key}» اشاره می‌کند که ناشناخته یا غیرعمومی است.',
  },
  request_invalid: {
    en: 'The request is not valid: {detail}',
    fa: 'درخواست نادرست است: {detail}',
  },
  request_unauthorized: {
    en: 'Sign in first: this needs a valid token.',
    fa: 'ابتدا وارد شوید: این کار به توکن معتبر نیاز دارد.',
  },
  request_forbidden: {
    en: 'You are not allowed to do this.',
    fa: 'شما اجازهٔ این کار را ندارید.',
  },
  request_not_found: {
    en: 'Not found.',
    fa: 'پیدا نشد.',
  },
  request_method_not_allowed: {
    en: 'This method is not allowed here.',
    fa: 'این روش درخواست در این نشانی مجاز نیست.',
  },
  request_too_many: {
    en: 'Too many requests. Please try again later.',
    fa: 'درخواست‌ها بیش از حد است. لطفاً بعداً دوباره تلاش کنید.',
  },
  request_server_error: {
    en: 'Something went wrong on our side. Please try again in a moment.',
    fa: 'خطایی در سرور رخ داد. لطفاً لحظه‌ای بعد دوباره تلاش کنید.',
  },
  database_unavailable: {
    en: 'The service is briefly unavailable. Please try again in {seconds} seconds.',
    fa: 'سرویس لحظاتی در دسترس نیست. لطفاً {seconds} ثانیهٔ دیگر دوباره تلاش کنید.',
  },
  server_busy: {
    en: 'The server is busy. Please try again in {seconds} seconds; nothing was saved.',
    fa: 'سرور پرمشغله است. لطفاً {seconds} ثانیهٔ دیگر دوباره تلاش کنید؛ چیزی ذخیره نشد.',
  },
  request_failed: {
    en: 'The request could not be handled.',
    fa: 'درخواست پردازش نشد.',
  },
  comment_data_missing: {
    en: 'Send the comment as JSON: {"data": {"article", "authorName", "body"}}.',
    fa: 'نظر را به شکل JSON بفرستید: {"data": {"article", "authorName", "body"}}.',
  },
  comment_article_missing: {
    en: 'Say which article the comment is about.',
    fa: 'مشخص کنید نظر دربارهٔ کدام خبر است.',
  },
  comment_article_invalid: {
    en: 'The article must be given as its documentId, a string like "zyzu8ndq85yzedjjv67hb6fh".',
    fa: 'خبر باید با documentId آن مشخص شود، رشته‌ای مانند "zyzu8ndq85yzedjjv67hb6fh".',
  },
  comment_article_not_found: {
    en: 'This article does not exist or is not published.',
    fa: 'این خبر وجود ندارد یا منتشر نشده است.',
  },
  comment_comments_closed: {
    en: 'Comments are closed for this article.',
    fa: 'امکان نظر دادن برای این خبر بسته است.',
  },
  comment_name_missing: {
    en: 'Please write your name.',
    fa: 'لطفاً نام خود را بنویسید.',
  },
  comment_name_too_long: {
    en: `The name may be at most ${en(LIMITS.authorNameMax)} characters long.`,
    fa: `نام حداکثر می‌تواند ${fa(LIMITS.authorNameMax)} نویسه باشد.`,
  },
  comment_email_invalid: {
    en: 'The email address is not valid.',
    fa: 'نشانی ایمیل درست نیست.',
  },
  comment_body_missing: {
    en: 'Please write your comment.',
    fa: 'لطفاً متن نظر خود را بنویسید.',
  },
  comment_body_too_short: {
    en: `The comment must be at least ${en(LIMITS.commentBodyMin)} characters long.`,
    fa: `متن نظر باید دست‌کم ${fa(LIMITS.commentBodyMin)} نویسه باشد.`,
  },
  comment_body_too_long: {
    en: `The comment may be at most ${en(LIMITS.commentBodyMax)} characters long.`,
    fa: `متن نظر حداکثر می‌تواند ${fa(LIMITS.commentBodyMax)} نویسه باشد.`,
  },
  comment_name_bad_characters: {
    en: 'The name contains control or direction-changing characters; please type it plainly.',
    fa: 'نام نویسه‌های کنترلی یا تغییردهندهٔ جهت متن دارد؛ لطفاً آن را ساده بنویسید.',
  },
  comment_body_bad_characters: {
    en: 'The comment contains control characters that cannot be shown; please remove them.',
    fa: 'متن نظر نویسه‌های کنترلی نمایش‌ناپذیر دارد؛ لطفاً آن‌ها را حذف کنید.',
  },
  comment_parent_invalid: {
    en: 'parent must be the documentId of the comment you reply to, a string like "zyzu8ndq85yzedjjv67hb6fh".',
    fa: 'parent باید documentId نظری باشد که به آن پاسخ می‌دهید، رشته‌ای مانند "zyzu8ndq85yzedjjv67hb6fh".',
  },
  comment_parent_not_found: {
    en: 'The comment you reply to does not exist, is not published, or is under another article.',
    fa: 'نظری که به آن پاسخ می‌دهید وجود ندارد، منتشر نشده یا زیر خبر دیگری است.',
  },
  comment_parent_is_reply: {
    en: 'Replies go one level deep: reply to the comment this reply answers.',
    fa: 'پاسخ‌ها فقط یک سطح دارند: به نظری پاسخ دهید که این پاسخ به آن داده شده است.',
  },
  reaction_kind_invalid: {
    en: `Send {"kind": "agree"} or {"kind": "disagree"}.`,
    fa: `بفرستید {"kind": "agree"} یا {"kind": "disagree"}.`,
  },
  report_reason_invalid: {
    en: `A report needs a reason: one of ${codesEn(REPORT_REASONS)}.`,
    fa: `گزارش به دلیل نیاز دارد: یکی از ${codesFa(REPORT_REASONS)}.`,
  },
  report_note_too_long: {
    en: `The note may be at most ${en(LIMITS.reportNoteMax)} characters long.`,
    fa: `یادداشت حداکثر می‌تواند ${fa(LIMITS.reportNoteMax)} نویسه باشد.`,
  },
  reader_action_rate_limited: {
    en: 'Too many requests from your connection. Please try again in {seconds} seconds.',
    fa: 'از اتصال شما درخواست‌های زیادی رسیده است. لطفاً {seconds} ثانیهٔ دیگر دوباره تلاش کنید.',
  },
  comment_rate_limited: {
    en: 'Too many comments from your connection. Please try again in {seconds} seconds.',
    fa: 'از اتصال شما نظرهای زیادی رسیده است. لطفاً {seconds} ثانیهٔ دیگر دوباره تلاش کنید.',
  },
  moderation_not_found: {
    en: 'No comment with this id.',
    fa: 'نظری با این شناسه نیست.',
  },
  moderation_already_in_status: {
    en: 'The comment is already {status}.',
    fa: 'وضعیت این نظر همین حالا «{status}» است.',
  },
  moderation_reason_required: {
    en: `A rejection needs a reason: one of ${codesEn(REJECTION_REASONS)}.`,
    fa: `برای رد نظر دلیل لازم است: یکی از ${codesFa(REJECTION_REASONS)}.`,
  },
  moderation_reason_not_allowed: {
    en: 'A reason is given only when rejecting a comment.',
    fa: 'دلیل فقط هنگام رد نظر داده می‌شود.',
  },
  moderation_bad_action: {
    en: `The action must be one of ${codesEn(MODERATION_ACTIONS)}.`,
    fa: `عمل باید یکی از ${codesFa(MODERATION_ACTIONS)} باشد.`,
  },
  moderation_bad_ids: {
    en: `documentIds must be a list of 1 to ${en(LIMITS.bulkMax)} comment ids.`,
    fa: `documentIds باید فهرستی از ۱ تا ${fa(LIMITS.bulkMax)} شناسهٔ نظر باشد.`,
  },
  moderation_bad_note: {
    en: `The note must be text of at most ${en(LIMITS.moderationNoteMax)} characters.`,
    fa: `یادداشت باید متنی حداکثر ${fa(LIMITS.moderationNoteMax)} نویسه باشد.`,
  },
  moderation_fields_need_transition: {
    en: 'The rejection reason and the note are recorded with a status change. To change them, reopen the comment and review it again.',
    fa: 'دلیل رد و یادداشت همراه تغییر وضعیت ثبت می‌شوند. برای تغییر آن‌ها، نظر را به صف بررسی برگردانید و دوباره بررسی کنید.',
  },
  moderation_forbidden: {
    en: 'Only moderators may change the moderation status of a comment.',
    fa: 'فقط ناظران می‌توانند وضعیت بررسی نظر را تغییر دهند.',
  },
  moderation_no_open_reports: {
    en: 'This comment has no open reports.',
    fa: 'این نظر گزارش بررسی‌نشده‌ای ندارد.',
  },
  moderation_bad_query: {
    en: 'The parameter "{name}" has an invalid value.',
    fa: 'مقدار پارامتر «{name}» نادرست است.',
  },
  moderation_article_not_found: {
    en: 'No article has this documentId.',
    fa: 'خبری با این شناسه (documentId) وجود ندارد.',
  },
  comment_edit_forbidden: {
    en: 'Only moderators may create, edit or delete readers’ comments.',
    fa: 'فقط ناظران می‌توانند نظر خوانندگان را بسازند، ویرایش یا حذف کنند.',
  },
  article_comments_read_only: {
    en: 'An article’s comments cannot be changed from the article. Moderators manage each comment in the comment queue.',
    fa: 'نظرهای یک خبر از خود خبر تغییر نمی‌کنند. ناظران هر نظر را در صف بررسی نظرها مدیریت می‌کنند.',
  },
  comment_system_field: {
    en: '{name} is recorded when the comment arrives and cannot be changed.',
    fa: '{name} هنگام رسیدن نظر ثبت می‌شود و تغییرپذیر نیست.',
  },
  comment_article_required: {
    en: 'A comment stays under an article: choose another article instead of removing it.',
    fa: 'نظر باید زیر یک خبر بماند: به‌جای برداشتن خبر، خبر دیگری انتخاب کنید.',
  },
  comment_edit_needs_pending: {
    en: 'An approved or rejected comment cannot be edited. Reopen it first, then review the edited text.',
    fa: 'نظر تأییدشده یا ردشده ویرایش نمی‌شود. ابتدا آن را به صف بررسی برگردانید، سپس متن ویرایش‌شده را بررسی کنید.',
  },
  settings_forbidden: {
    en: 'Only users allowed to edit the screening settings may change them.',
    fa: 'فقط کاربرانی که اجازهٔ ویرایش تنظیمات غربال را دارند می‌توانند آن‌ها را تغییر دهند.',
  },
  comment_api_write_forbidden: {
    en: 'Comments cannot be edited or deleted through the API. Moderators review them in the admin panel.',
    fa: 'نظرها از راه API ویرایش یا حذف نمی‌شوند. ناظران آن‌ها را در پنل مدیریت بررسی می‌کنند.',
  },
  admin_relation_forbidden: {
    en: 'Your role may not read "{name}" through a relation: it cannot read that content type or field.',
    fa: 'نقش شما اجازهٔ خواندن «{name}» را از راه رابطه ندارد: آن نوع محتوا یا فیلد را نمی‌تواند بخواند.',
  },
  relation_inverse_side_read_only: {
    en: 'The field "{name}" cannot be changed from here: set it on each related entry instead.',
    fa: 'فیلد «{name}» از اینجا تغییر نمی‌کند: آن را در هر مورد مرتبط تنظیم کنید.',
  },
  clone_needs_read: {
    en: 'You may copy only entries you may read.',
    fa: 'فقط مواردی را می‌توانید کپی کنید که اجازهٔ خواندنشان را دارید.',
  },
  audit_read_only: {
    en: 'The moderation audit trail cannot be edited or deleted.',
    fa: 'سابقهٔ بررسی نظرها ویرایش یا حذف نمی‌شود.',
  },
} as const satisfies Record<string, { en: string; fa: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageVars = Record<string, string | number>;

/** How a moderation status reads in a Persian sentence. */
const STATUS_IN_PERSIAN: Record<string, string> = Object.fromEntries(
  Object.entries(MODERATION_STATUS_LABELS).map(([status, label]) => [status, label.fa]),
);

function fill(template: string, vars: MessageVars, render: (key: string, value: string | number) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    vars[key] === undefined ? `{${key}}` : render(key, vars[key]),
  );
}

/** Persian text gets Persian digits and status words; names and codes stay as sent. */
function renderPersian(key: string, value: string | number): string {
  if (typeof value === 'number') return persianNumber.format(value);
  if (key === 'status') return STATUS_IN_PERSIAN[value] ?? value;
  return value;
}

export function message(code: MessageCode, vars: MessageVars = {}) {
  return {
    en: fill(MESSAGES[code].en, vars, (_key, value) => String(value)),
    fa: fill(MESSAGES[code].fa, vars, renderPersian),
  };
}

export type ErrorKind = 'validation' | 'forbidden' | 'notFound' | 'conflict' | 'tooMany' | 'tooLarge';

/** An error of the given kind whose body names the problem in both languages. */
export function localizedError(
  kind: ErrorKind,
  code: MessageCode,
  vars: MessageVars = {},
  extra: Record<string, unknown> = {},
) {
  const messages = message(code, vars);
  const details = { code, messages, ...extra };
  switch (kind) {
    case 'forbidden':
      // A PolicyError is a 403 that Strapi's route wrapper passes through with its details;
      // a plain ForbiddenError is replaced there by a bare "Forbidden".
      return new errors.PolicyError(messages.en, details);
    case 'notFound':
      return new errors.NotFoundError(messages.en, details);
    case 'conflict':
      return new ConflictError(messages.en, details);
    case 'tooMany':
      return new errors.RateLimitError(messages.en, details);
    case 'tooLarge':
      return new errors.PayloadTooLargeError(messages.en, details);
    default:
      return new errors.ValidationError(messages.en, details);
  }
}

/**
 * A refusal the admin panel's form can show on the field itself: its error formatter reads
 * `details.errors[]` (`{ path, message }`), highlights the field and keeps what the user chose.
 * Without that list it tries to read every other key of `details` as a list of messages and
 * the edit view crashes.
 */
export function fieldError(
  kind: 'validation' | 'forbidden',
  code: MessageCode,
  field: string,
  vars: MessageVars = {},
  extra: Record<string, unknown> = {},
) {
  const errors = [{ path: [field], message: message(code, vars).en, name: 'ValidationError' }];
  return localizedError(kind, code, vars, { ...extra, errors });
}

/**
 * Strapi's error middleware knows no 409 (an unknown ApplicationError becomes a 400), so a
 * conflict is its own class and the moderation controller answers it with `conflictBody`.
 */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(
    text: string,
    readonly details: Record<string, unknown>,
  ) {
    super(text);
    this.name = 'ConflictError';
  }
}

export const conflictBody = (error: ConflictError) => ({
  data: null,
  error: { status: 409, name: error.name, message: error.message, details: error.details },
});

/** A 400 whose body names the problem in both languages. */
export function validationError(code: MessageCode, vars: MessageVars = {}, extra: Record<string, unknown> = {}) {
  const messages = message(code, vars);
  return new errors.ValidationError(messages.en, { code, messages, ...extra });
}
