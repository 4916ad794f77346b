/**
 * Spam signals in a comment: links, phone numbers and messenger contacts, the ways a spammer
 * brings readers somewhere else.
 */

export interface SpamSignals {
  /** Links, with or without a scheme (https://x.com, www.x.com, x.ir/..., t.me/...). */
  links: number;
  /** Lower-case host names of those links, without "www.", unique, in order of appearance. */
  domains: string[];
  /** Phone numbers in Persian, Arabic-Indic or ASCII digits (Iranian mobiles, landlines, +...). */
  phoneNumbers: number;
  /** Messenger contacts: @handles, e-mail addresses, messenger links, "telegram: id"... */
  messengerHandles: number;
  /**
   * The comment is nothing but links (emoji and punctuation aside): it says nothing to the
   * article's readers and only sends them elsewhere.
   */
  linksOnly: boolean;
}

interface Span {
  start: number;
  end: number;
}

const overlaps = (spans: readonly Span[], start: number, end: number): boolean =>
  spans.some((span) => start < span.end && end > span.start);

// Spammers write "x[.]com", "x (dot) com", "x نقطه com": undo that before looking for links.
const OBFUSCATED_DOT = /\s*[[({]\s*(?:\.|dot|نقطه)\s*[\])}]\s*|\s+(?:dot|نقطه)\s+/giu;
const MAYBE_OBFUSCATED_DOT = /dot|نقطه|[[({]\s*\./iu;

/** Whether the character before `index` is a letter or digit: the word boundary, checked in code. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const startsWord = (text: string, index: number): boolean =>
  index === 0 || !LETTER_OR_DIGIT.test(text.charAt(index - 1));

const TOP_LEVEL_DOMAINS =
  'com|net|org|ir|io|me|co|info|biz|xyz|top|site|online|app|dev|ly|gl|to|tk|ml|ga|cf|gq|ru|de|uk|us|eu|tv|cc|ai|link|click|club|shop|store|live|news|blog|pro|fun|space|website|one|asia|ws|in|im|gd|cx|su|tr|ae';

const SCHEME_URL = /(?:https?|ftp):\/\/[^\s<>"'«»]+/giu;
const WWW_URL = /(?<![\p{L}\p{N}])www\d{0,3}\.[^\s<>"'«»]+/giu;
// A bare host name ending in a known top-level domain, not part of an e-mail address.
const BARE_DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}@._-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TOP_LEVEL_DOMAINS})(?![\\p{L}\\p{N}_-])(?::\\d{2,5})?(?:[/?#][^\\s<>"'«»]*)?`,
  'giu',
);
const HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?([^/?#:\s]+)/iu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]،؛؟]+$/u;

const MESSENGER_HOSTS = new Set([
  't.me',
  'telegram.me',
  'telegram.dog',
  'wa.me',
  'chat.whatsapp.com',
  'instagram.com',
  'eitaa.com',
  'rubika.ir',
  'ble.ir',
  'splus.ir',
]);

/** Patterns are tried only when the text has the characters they need: most comments have none. */
const LINK_PATTERNS: readonly (readonly [marker: string, pattern: RegExp])[] = [
  ['://', SCHEME_URL],
  ['www', WWW_URL],
  ['.', BARE_DOMAIN],
];

export function countLinks(text: string): { spans: Span[]; domains: string[] } {
  const spans: Span[] = [];
  const domains: string[] = [];
  const lower = text.toLowerCase();
  for (const [marker, pattern] of LINK_PATTERNS) {
    if (!lower.includes(marker)) continue;
    for (const match of text.matchAll(pattern)) {
      const link = match[0].replace(TRAILING_PUNCTUATION, '');
      const start = match.index ?? 0;
      const end = start + link.length;
      if (overlaps(spans, start, end)) continue;
      spans.push({ start, end });
      const host = HOST.exec(link)?.[1]
        ?.toLowerCase()
        .replace(/^www\d{0,3}\./u, '');
      if (host && !domains.includes(host)) domains.push(host);
    }
  }
  return { spans, domains };
}

const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/gu;
const westernDigits = (text: string): string =>
  text.replace(EASTERN_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });

// Digits with at most two separators between each (0912 345 6789, ۰۹۱۲-۳۴۵-۶۷۸۹, (021) 1234 5678).
const DIGIT_RUN = /(?<![\d+])\+?\d(?:[ \-.()\u200C\u00A0]{0,2}\d){7,15}(?!\d)/gu;
const NOT_DIGIT = /\D/gu;
/** Iranian mobile (09xx xxx xxxx, +98 9xx ...) and landline with area code (021 ...). */
const IRANIAN_PHONE = /^(?:0|98|0098)[1-9]\d{9}$/u;
const INTERNATIONAL_PHONE = /^\+\d{9,15}$/u;

export function countPhoneNumbers(text: string): number {
  let count = 0;
  for (const match of westernDigits(text).matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(NOT_DIGIT, '');
    const international = match[0].startsWith('+') ? `+${digits}` : '';
    if (IRANIAN_PHONE.test(digits) || INTERNATIONAL_PHONE.test(international)) count += 1;
  }
  return count;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/giu;
const AT_HANDLE = /@[a-z][a-z0-9_.]{2,31}/giu;
const LATIN_MESSENGER = 'telegram|tg|whats ?app|insta(?:gram)?|eitaa|rubika|signal|skype|viber|id';
const PERSIAN_MESSENGER = 'تلگرام|واتس ?اپ|واتساپ|واتس‌اپ|اینستاگرام|اینستا|ایتا|روبیکا|سروش|آیدی|ایدی|وایبر';
// After a Latin messenger name the id needs a colon, an @ or a digit/underscore ("telegram channels"
// is prose); after a Persian one, any Latin word that follows is the id. The word boundary before
// the name is checked in code: a leading lookbehind makes V8 try the pattern at every position.
const NAMED_ID = new RegExp(
  `(?:${LATIN_MESSENGER})\\s*(?:[:：=-]\\s*@?|@)[a-z][a-z0-9_.]{2,31}|(?:${LATIN_MESSENGER})\\s+[a-z][a-z0-9.]*[0-9_][a-z0-9_.]*|(?:${PERSIAN_MESSENGER})\\s*[:：=-]?\\s*@?[a-z][a-z0-9_.]{2,31}`,
  'giu',
);
const MESSENGER_PATTERNS: readonly (readonly [marker: string | null, pattern: RegExp, needsWordStart: boolean])[] = [
  [null, NAMED_ID, true],
  ['@', EMAIL, false],
  ['@', AT_HANDLE, true],
];
const HANDLE_CHAR = /[\p{L}\p{N}_.@]/u;

export function countMessengerHandles(text: string, links: readonly Span[] = countLinks(text).spans): number {
  const spans: Span[] = [];
  const add = (start: number, end: number): void => {
    if (!overlaps(spans, start, end)) spans.push({ start, end });
  };
  for (const [marker, pattern, needsWordStart] of MESSENGER_PATTERNS) {
    if (marker !== null && !text.includes(marker)) continue;
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      if (needsWordStart && !startsWord(text, start)) continue;
      // An @handle glued to a word is an e-mail address or prose, counted elsewhere or not at all.
      if (pattern === AT_HANDLE && start > 0 && HANDLE_CHAR.test(text.charAt(start - 1))) continue;
      add(start, start + match[0].length);
    }
  }
  for (const link of links) {
    const host = HOST.exec(text.slice(link.start, link.end))?.[1]
      ?.toLowerCase()
      .replace(/^www\./u, '');
    if (host && MESSENGER_HOSTS.has(host)) add(link.start, link.end);
  }
  return spans.length;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whether nothing but links is left once they are cut out: no letter or digit outside them. */
function isLinksOnly(text: string, links: readonly Span[]): boolean {
  if (links.length === 0) return false;
  let outside = '';
  let from = 0;
  for (const link of [...links].sort((a, b) => a.start - b.start)) {
    outside += text.slice(from, link.start);
    from = link.end;
  }
  outside += text.slice(from);
  return !WORD_CHARACTER.test(outside);
}

export function spamSignals(text: string): SpamSignals {
  const readable = MAYBE_OBFUSCATED_DOT.test(text) ? text.replace(OBFUSCATED_DOT, '.') : text;
  const { spans, domains } = countLinks(readable);
  return {
    links: spans.length,
    domains,
    phoneNumbers: countPhoneNumbers(readable),
    messengerHandles: countMessengerHandles(readable, spans),
    linksOnly: isLinksOnly(readable, spans),
  };
}
