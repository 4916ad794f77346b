import { z } from '@strapi/utils';
import { isPlainObject } from '../../../../../lib/is-plain-object';
import { AUTO_REJECT_FLAGS, type AutoRejectFlag, type Label, SETTINGS_LIMITS } from '../domain/vocabulary';

const L = SETTINGS_LIMITS;
const persianNumber = new Intl.NumberFormat('fa-IR', { useGrouping: false });
/** A limit in a Persian message, in Persian digits. */
const fa = (value: number) => persianNumber.format(value);
const wholeNumber = (max: number) => z.number().int().min(0).max(max);

/**
 * What `PUT /moderation/settings` may send, field by field: its zod schema and the message, in
 * Persian and English, of a refused value. Every field is optional; unknown ones are refused.
 */
const FIELDS = {
  blocklist: {
    schema: z
      .array(z.string().refine((term) => term.trim() !== '' && term.trim().length <= L.termLength))
      .max(L.blocklistTerms),
    message: {
      en: `blocklist must be a list of at most ${L.blocklistTerms} non-empty terms of up to ${L.termLength} characters.`,
      fa: `فهرست واژه‌ها باید حداکثر ${fa(L.blocklistTerms)} واژهٔ ناتهی با حداکثر ${fa(L.termLength)} نویسه باشد.`,
    },
  },
  autoReject: {
    schema: z.strictObject(
      Object.fromEntries(AUTO_REJECT_FLAGS.map((flag) => [flag, z.boolean().optional()])) as Record<
        AutoRejectFlag,
        z.ZodOptional<z.ZodBoolean>
      >,
    ),
    message: {
      en: `autoReject takes true/false for: ${AUTO_REJECT_FLAGS.join(', ')}.`,
      fa: `autoReject برای این موارد true یا false می‌گیرد: ${AUTO_REJECT_FLAGS.join('، ')}.`,
    },
  },
  relevanceThreshold: {
    schema: z.number().min(0).max(1),
    message: {
      en: 'relevanceThreshold must be a number from 0 to 1.',
      fa: 'relevanceThreshold باید عددی از ۰ تا ۱ باشد.',
    },
  },
  maxLinks: {
    schema: wholeNumber(L.maxLinks),
    message: {
      en: `maxLinks must be a whole number from 0 to ${L.maxLinks}.`,
      fa: `maxLinks باید عددی صحیح از ۰ تا ${fa(L.maxLinks)} باشد.`,
    },
  },
  duplicateWindowMinutes: {
    schema: wholeNumber(L.duplicateWindowMinutes),
    message: {
      en: `duplicateWindowMinutes must be a whole number from 0 to ${L.duplicateWindowMinutes}.`,
      fa: `duplicateWindowMinutes باید عددی صحیح از ۰ تا ${fa(L.duplicateWindowMinutes)} باشد.`,
    },
  },
  closeCommentsAfterDays: {
    schema: z.number().int().min(1).max(L.closeCommentsAfterDays).nullable(),
    message: {
      en: `closeCommentsAfterDays must be a whole number of days from 1 to ${L.closeCommentsAfterDays}, or null to never close.`,
      fa: `closeCommentsAfterDays باید عددی صحیح از ۱ تا ${fa(L.closeCommentsAfterDays)} روز باشد، یا null برای هرگز.`,
    },
  },
  reportThreshold: {
    schema: z.number().int().min(1).max(L.reportThreshold).nullable(),
    message: {
      en: `reportThreshold must be a whole number from 1 to ${L.reportThreshold}, or null to turn it off.`,
      fa: `reportThreshold باید عددی صحیح از ۱ تا ${fa(L.reportThreshold)} باشد، یا null برای خاموش کردن.`,
    },
  },
  rateLimit: {
    schema: z.strictObject({
      perMinute: wholeNumber(L.perMinute).optional(),
      perHour: wholeNumber(L.perHour).optional(),
    }),
    message: {
      en: 'rateLimit takes perMinute and perHour as whole numbers (0 turns a limit off).',
      fa: 'rateLimit مقدارهای perMinute و perHour را به شکل عدد صحیح می‌گیرد (۰ یعنی بدون محدودیت).',
    },
  },
} as const satisfies Record<string, { schema: z.ZodType; message: Label }>;

type Field = keyof typeof FIELDS;
export type SettingsUpdate = { [K in Field]?: z.infer<(typeof FIELDS)[K]['schema']> };

/** Every refused field, each with its message; the update when all are valid. */
export function checkSettingsUpdate(
  update: unknown,
): { ok: true; value: SettingsUpdate } | { ok: false; errors: { path: string; message: Label }[] } {
  if (!isPlainObject(update)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: { en: 'Send the settings as a JSON object.', fa: 'تنظیمات را به شکل یک شیء JSON بفرستید.' },
        },
      ],
    };
  }
  const errors: { path: string; message: Label }[] = [];
  const value: Record<string, unknown> = {};
  for (const key of Object.keys(update)) {
    if (!(key in FIELDS)) {
      errors.push({ path: key, message: { en: `Unknown setting "${key}".`, fa: `تنظیم «${key}» شناخته نیست.` } });
    }
  }
  for (const [key, { schema, message }] of Object.entries(FIELDS)) {
    if (!(key in update)) continue;
    const result = schema.safeParse(update[key]);
    if (result.success) value[key] = result.data;
    else errors.push({ path: key, message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: value as SettingsUpdate };
}
