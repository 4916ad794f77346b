// The parser react-intl itself uses: the desk's messages are formatted by react-intl.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { refusalText } from '../../../src/plugins/moderation/admin/src/lib/api';
import { commandOf, isTypingTarget, SHORTCUTS } from '../../../src/plugins/moderation/admin/src/lib/keys';
import {
  directionOf,
  formatDateTime,
  isolated,
  listOf,
  markedPieces,
  withLocalDigits,
} from '../../../src/plugins/moderation/admin/src/lib/text';
import en from '../../../src/plugins/moderation/admin/src/translations/en.json';
import fa from '../../../src/plugins/moderation/admin/src/translations/fa.json';
import {
  SEARCH_FOLDS,
  searchKey,
  translateArguments,
} from '../../../src/plugins/moderation/server/src/domain/search-key';

describe("the desk's search key", () => {
  it('folds Arabic-keyboard letters and drops ZWNJ, tatweel and harakat', () => {
    expect(searchKey('مي‌كند')).toBe('میکند');
    expect(searchKey('كتابخانهٔ')).toBe('کتابخانه');
    expect(searchKey('مـــزدور')).toBe('مزدور');
    expect(searchKey('سَلامٌ')).toBe('سلام');
    expect(searchKey('۱۲۳ ٤٥٦ ABC')).toBe('123 456 abc');
  });

  it('gives PostgreSQL translate() arguments that apply the same table', () => {
    const { from, to } = translateArguments();
    expect([...from]).toHaveLength(Object.keys(SEARCH_FOLDS).length);
    const translate = (text: string) =>
      [...text].map((char) => (from.includes(char) ? (to[from.indexOf(char)] ?? '') : char)).join('');
    for (const sample of ['مي‌كند', 'ۀ ة ھ أ إ ؤ', '۱۲۳٤', 'سَلامٌ']) {
      expect(translate(sample).toLowerCase()).toBe(searchKey(sample));
    }
  });
});

describe("the desk's keyboard", () => {
  it('maps every listed shortcut to its command', () => {
    const press = (key: string) => commandOf({ key, shiftKey: key !== key.toLowerCase() });
    for (const { keys, command } of SHORTCUTS) {
      for (const key of keys) {
        const real = key === '↓' ? 'ArrowDown' : key === '↑' ? 'ArrowUp' : key;
        expect([key, press(real)]).toEqual([key, command]);
      }
    }
  });

  it('understands the same keys on a Persian keyboard layout, and ignores chords', () => {
    expect(commandOf({ key: 'ش' })).toBe('approve');
    expect(commandOf({ key: 'ق' })).toBe('reject');
    expect(commandOf({ key: 'ت' })).toBe('next');
    expect(commandOf({ key: 'a', ctrlKey: true })).toBeNull();
    expect(commandOf({ key: 'z' })).toBeNull();
  });

  it('leaves keys typed into a field or a dialog alone', () => {
    const element = (tagName: string, inDialog = false) => ({
      tagName,
      isContentEditable: false,
      closest: () => (inDialog ? {} : null),
    });
    expect(isTypingTarget(element('INPUT') as never)).toBe(true);
    expect(isTypingTarget(element('TEXTAREA') as never)).toBe(true);
    expect(isTypingTarget(element('BUTTON', true) as never)).toBe(true);
    expect(isTypingTarget(element('ARTICLE') as never)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("the desk's text", () => {
  it('marks the given spans of a comment and keeps the rest', () => {
    const body = 'این یک دزد است';
    expect(markedPieces(body, [[7, 10]])).toEqual([
      { text: 'این یک ', marked: false },
      { text: 'دزد', marked: true },
      { text: ' است', marked: false },
    ]);
    expect(markedPieces(body, [[20, 30]])).toEqual([{ text: body, marked: false }]);
  });

  it('writes dates in the Solar Hijri calendar with Persian digits for fa', () => {
    const formatted = formatDateTime('2026-03-21T08:30:00Z', 'fa');
    expect(formatted).toMatch(/۱۴۰۵/);
    expect(formatDateTime('2026-03-21T08:30:00Z', 'en')).toMatch(/2026/);
    expect(formatDateTime(null, 'fa')).toBe('');
  });

  it('has every string in both languages, Persian written in Persian', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(fa)) {
      expect([key, /[\u0600-\u06FF]/.test(text)]).toEqual([key, true]);
    }
  });

  it('keeps the placeholders of every English message in Persian, as plain arguments react-intl can parse', () => {
    const argumentsOf = (message: string) => {
      const elements: MessageFormatElement[] = parse(message);
      // Plain {name} arguments only: the hook writes numbers in the interface's digits before
      // formatting, which a {count, plural, …} would refuse.
      expect(elements.every((element) => element.type === TYPE.literal || element.type === TYPE.argument)).toBe(true);
      return elements
        .filter((element) => element.type === TYPE.argument)
        .map((element) => element.value)
        .sort();
    };
    const english = en as Record<string, string>;
    for (const [key, text] of Object.entries(fa as Record<string, string>)) {
      expect([key, argumentsOf(text)]).toEqual([key, argumentsOf(english[key])]);
    }
  });

  it('writes the numbers of a message in the interface language, and leaves text alone', () => {
    expect(withLocalDigits({ count: 1250, name: 'Sara 2' }, 'fa')).toEqual({ count: '۱٬۲۵۰', name: 'Sara 2' });
    expect(withLocalDigits({ count: 1250, name: 'سارا' }, 'en')).toEqual({ count: '1,250', name: 'سارا' });
    expect(withLocalDigits({}, 'fa')).toEqual({});
  });

  it('names items with the comma of the language and reads each language in its direction', () => {
    expect(listOf(['هرزنامه', 'نامرتبط'], 'fa')).toBe('هرزنامه، نامرتبط');
    expect(listOf(['Spam', 'Off topic'], 'en')).toBe('Spam, Off topic');
    expect(listOf([], 'fa')).toBe('');
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(isolated('Chief Admin')).toBe('\u2068Chief Admin\u2069');
  });

  it("shows the API's refusal in the interface language, else its message, else the fallback", () => {
    const refusal = (body: unknown) => ({ response: { data: body } });
    const both = refusal({ error: { message: 'Already approved.', details: { messages: { en: 'EN', fa: 'FA' } } } });
    expect(refusalText(both, 'fa', 'fallback')).toBe('FA');
    expect(refusalText(both, 'en', 'fallback')).toBe('EN');
    expect(refusalText(refusal({ error: { message: 'Forbidden' } }), 'fa', 'fallback')).toBe('Forbidden');
    expect(refusalText(new Error('Network Error'), 'fa', 'درخواست انجام نشد.')).toBe('درخواست انجام نشد.');
  });
});
