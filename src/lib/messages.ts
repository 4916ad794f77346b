import { errors } from '@strapi/utils';

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
  query_unknown_locale: {
    en: 'Unknown locale "{name}". Use one of: {list}.',
    fa: 'زبان «{name}» شناخته نیست. یکی از این‌ها را به کار ببرید: {list}.',
  },
  query_bad_value: {
    en: 'The query parameter "{name}" has a value of the wrong shape.',
    fa: 'مقدار پارامتر «{name}» در درخواست شکل درستی ندارد.',
  },
} as const satisfies Record<string, { en: string; fa: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type MessageVars = Record<string, string | number>;

function fill(template: string, vars: MessageVars): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? `{${key}}`));
}

export function message(code: MessageCode, vars: MessageVars = {}) {
  return { en: fill(MESSAGES[code].en, vars), fa: fill(MESSAGES[code].fa, vars) };
}

/** A 400 whose body names the problem in both languages. */
export function validationError(code: MessageCode, vars: MessageVars = {}, extra: Record<string, unknown> = {}) {
  const messages = message(code, vars);
  return new errors.ValidationError(messages.en, { code, messages, ...extra });
}
