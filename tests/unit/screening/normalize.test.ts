import {
  hasBidiControls,
  hasBidiOverride,
  matchingKey,
  tokens,
} from '../../../src/plugins/moderation/server/src/screening/normalize';

const sameKey = (variants: string[]): void => {
  const keys = new Set(variants.map(matchingKey));
  expect([...keys]).toHaveLength(1);
};

describe('matchingKey', () => {
  it('folds Arabic-keyboard yeh and kaf to the Persian letters', () => {
    sameKey(['این کتاب یک کار است', 'اين كتاب يك كار است', 'اىن کتاب ىک کار است']);
  });

  it('folds heh, teh marbuta, alef and waw variants', () => {
    sameKey(['رشوه', 'رشوة', 'رشوۀ', 'رشوھ', 'رشوہ', 'رشوە']);
    sameKey(['اسلام', 'إسلام', 'أسلام', 'ٱسلام']);
    sameKey(['مسوول', 'مسؤول']);
    sameKey(['خاین', 'خائن']);
  });

  it('keeps alef with madda, a Persian letter of its own', () => {
    expect(matchingKey('آب')).toBe('آب');
  });

  it('drops tatweel, harakat and other combining marks', () => {
    sameKey(['مزدور', 'مـــزدور', 'مَزْدُور', 'مُزّدورٌ', 'مزدورٰ']);
  });

  it('folds Arabic presentation forms (NFKC)', () => {
    sameKey(['مزدور', 'ﻣﺰﺩﻭﺭ']);
    sameKey(['خائن', 'ﺧﺎﺋﻦ']);
  });

  it('drops invisible characters inserted inside a word', () => {
    const invisible = [
      '\u200B',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u00AD',
      '\u200E',
      '\u200F',
      '\u202E',
      '\u2066',
      '\u061C',
    ];
    sameKey(['مزدور', ...invisible.map((char) => `مز${char}دور`)]);
  });

  it('gives one key for ZWNJ present, missing or replaced by a space', () => {
    sameKey(['می\u200Cکند', 'میکند', 'می کند']);
    sameKey(['نمی\u200Cدانم', 'نمیدانم', 'نمی دانم']);
    sameKey(['بی\u200Cشرف', 'بیشرف', 'بی شرف']);
    sameKey(['کتاب\u200Cها', 'کتابها', 'کتاب ها']);
    sameKey(['کتاب\u200Cهای ما', 'کتابهای ما', 'کتاب های ما']);
    sameKey(['بزرگ\u200Cترین', 'بزرگترین', 'بزرگ ترین']);
  });

  it('joins letters spaced apart', () => {
    sameKey(['مزدور', 'م ز د و ر', 'م.ز.د.و.ر', 'م-ز-د-و-ر', 'م\u200Cز\u200Cد\u200Cو\u200Cر']);
  });

  it('does not join ordinary words around a single "و"', () => {
    expect(matchingKey('کتاب و قلم')).toBe('کتاب و قلم');
  });

  it('collapses a letter repeated three times or more, but not digits', () => {
    sameKey(['مزدور', 'مزدووووور', 'مززززدور']);
    expect(matchingKey('۱۰۰۰ تومان')).toBe('1000 تومان');
  });

  it('writes Persian, Arabic-Indic and ASCII digits alike', () => {
    sameKey(['۰۹۱۲', '٠٩١٢', '0912']);
  });

  it('case-folds Latin letters', () => {
    sameKey(['Hello World', 'hello world', 'HELLO WORLD']);
  });

  it('collapses white space and keeps punctuation and emoji', () => {
    expect(matchingKey('  سلام،\u00A0 خوبی؟ 😀 ')).toBe('سلام, خوبی? 😀');
  });

  it('keeps different texts different', () => {
    expect(matchingKey('دزد')).not.toBe(matchingKey('درد'));
    expect(matchingKey('😀')).not.toBe(matchingKey('😡'));
  });

  it('does not change the text it is given', () => {
    const text = 'اين كتاب\u200Cها';
    matchingKey(text);
    expect(text).toBe('اين كتاب\u200Cها');
  });
});

describe('hasBidiControls / hasBidiOverride', () => {
  const controls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
  it.each(controls.map((code) => [code.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(code)]))(
    'finds U+%s',
    (_name, control) => {
      expect(hasBidiControls(`سلام ${control}دنیا`)).toBe(true);
    },
  );

  it('finds nothing in plain text, ZWNJ or ZWJ included', () => {
    expect(hasBidiControls('می\u200Cروم 👨\u200D👩\u200D👧')).toBe(false);
  });

  it.each([
    ['ALM', '\u061C'],
    ['LRM', '\u200E'],
    ['RLM', '\u200F'],
  ])('leaves the mark %s alone (Persian keyboards insert it)', (_name, mark) => {
    expect(hasBidiControls(`نسخه iOS${mark} را نصب کردم`)).toBe(false);
  });

  it('answers the same on repeated calls', () => {
    const text = 'a\u202Eb';
    expect([hasBidiControls(text), hasBidiControls(text), hasBidiControls(text)]).toEqual([true, true, true]);
  });

  it('tells overrides from marks', () => {
    expect(hasBidiOverride('x\u202Ey')).toBe(true);
    expect(hasBidiOverride('x\u202Dy')).toBe(true);
    expect(hasBidiOverride('x\u200Fy')).toBe(false);
  });
});

describe('tokens', () => {
  it('splits Persian words on Unicode boundaries', () => {
    expect(tokens('کتاب، قلم؛ دفتر!')).toEqual(['کتاب', 'قلم', 'دفتر']);
  });

  it('keeps a ZWNJ word whole and normalized', () => {
    expect(tokens('آنها می\u200Cروند')).toEqual(['آنها', 'میروند']);
  });

  it('reads mixed scripts and digits', () => {
    expect(tokens('iPhone ۱۵ خریدم')).toEqual(['iphone', '15', 'خریدم']);
  });

  it('returns nothing for emoji and punctuation', () => {
    expect(tokens('👍 !!! ...')).toEqual([]);
  });
});
