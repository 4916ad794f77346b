import {
  blocklistMatcher,
  compileBlocklist,
  findBlocklisted,
} from '../../../src/plugins/moderation/server/src/screening/blocklist';
import { DEFAULT_BLOCKLIST } from '../../../src/plugins/moderation/server/src/screening/default-blocklist';

const ZWNJ = '\u200C';
const SINGLE_WORD_TERMS = DEFAULT_BLOCKLIST.filter((term) => !term.includes(' '));

/** Letters of a term without its half-spaces, for disguises applied letter by letter. */
const lettersOf = (term: string): string[] => Array.from(term.replace(/\u200C/gu, ''));
const between = (term: string, separator: string): string => lettersOf(term).join(separator);
const middle = (term: string, inserted: string): string => {
  const letters = lettersOf(term);
  const half = Math.ceil(letters.length / 2);
  return letters.slice(0, half).join('') + inserted + letters.slice(half).join('');
};

/** Every disguise a reader can apply to a single-word term. */
const DISGUISES: Record<string, (term: string) => string> = {
  'as written': (term) => term,
  'without ZWNJ': (term) => term.replaceAll(ZWNJ, ''),
  'ZWNJ replaced by a space': (term) => term.replaceAll(ZWNJ, ' '),
  'Arabic yeh and kaf': (term) => term.replace(/ی/gu, 'ي').replace(/ک/gu, 'ك'),
  tatweel: (term) => between(term, '\u0640'),
  harakat: (term) => between(term, '\u064E'),
  'shadda and sukun': (term) => middle(term, '\u0651\u0652'),
  'zero-width space': (term) => middle(term, '\u200B'),
  'zero-width joiner': (term) => middle(term, '\u200D'),
  'word joiner': (term) => middle(term, '\u2060'),
  'byte-order mark': (term) => middle(term, '\uFEFF'),
  'soft hyphen': (term) => middle(term, '\u00AD'),
  'RLM inside': (term) => middle(term, '\u200F'),
  'ZWNJ inside': (term) => middle(term, ZWNJ),
  'letters spaced apart': (term) => between(term, ' '),
  'letters dotted apart': (term) => between(term, '.'),
  'letters repeated': (term) => {
    const letters = lettersOf(term);
    const last = letters.length - 1;
    return letters.map((letter, index) => (index === last ? letter.repeat(5) : letter)).join('');
  },
  'letter doubled': (term) => {
    const letters = lettersOf(term);
    return letters.map((letter, index) => (index === 1 ? letter + letter : letter)).join('');
  },
  'plural ها with ZWNJ': (term) => `${term}${ZWNJ}ها`,
  'plural ها joined': (term) => `${term}ها`,
  'plural ها with a space': (term) => `${term} ها`,
  'plural های with ZWNJ': (term) => `${term}${ZWNJ}های`,
  'plural های with a space': (term) => `${term} های`,
};

const sentence = (word: string): string => `به نظر من او ${word} است و همه این را می‌دانند`;

describe('findBlocklisted: every disguise of every default single-word term', () => {
  for (const term of SINGLE_WORD_TERMS) {
    it.each(Object.entries(DISGUISES))(`${term}: %s`, (_name, disguise) => {
      expect(findBlocklisted(sentence(disguise(term)), DEFAULT_BLOCKLIST)).toEqual([term]);
    });
  }
});

describe('findBlocklisted: suffixes', () => {
  it.each([
    ['دزدان', 'دزد'],
    ['دزدهایی', 'دزد'],
    ['دزده', 'دزد'],
    ['دزدا', 'دزد'],
    ['مزدوران', 'مزدور'],
    ['خائنی', 'خائن'],
    ['احمق‌ترین', 'احمق'],
    ['دروغگویان', 'دروغگو'],
    ['دروغگوی', 'دروغگو'],
    ['خودفروختگان', 'خودفروخته'],
    ['خودفروخته‌ای', 'خودفروخته'],
    ['بی‌شرف‌ها', 'بی‌شرف'],
  ])('%s → %s', (word, term) => {
    expect(findBlocklisted(sentence(word), DEFAULT_BLOCKLIST)).toEqual([term]);
  });

  it.each(['دزدی', 'جاسوسی', 'نوکری', 'مزدوری', 'کلاهبرداری', 'رشوه‌خواری', 'ریاکاری', 'دروغگویی', 'شیادی'])(
    'does not read the abstract noun %s as the listed word plus ی',
    (word) => {
      expect(findBlocklisted(sentence(word), DEFAULT_BLOCKLIST)).toEqual([]);
    },
  );
});

describe('findBlocklisted: Arabic plurals, enclitics and comparatives (issue #15)', () => {
  it.each([
    ['خائنین', 'خائن'],
    ['مزدورین', 'مزدور'],
    ['خائنون', 'خائن'],
    ['جاسوسات', 'جاسوس'],
    ['مزدورش', 'مزدور'],
    ['مزدورت', 'مزدور'],
    ['نوکرشون', 'نوکر'],
    ['دزدهاتون', 'دزد'],
    ['دزدهاشون', 'دزد'],
    ['دزدامون', 'دزد'],
    ['مزدوراشون', 'مزدور'],
    ['دروغگوتون', 'دروغگو'],
    ['خودفروخته\u200Cاش', 'خودفروخته'],
    ['فاسدتر', 'فاسد'],
    ['بی\u200Cشعورترین', 'بی‌شعور'],
    ['احمق\u200Cتری', 'احمق'],
  ])('finds %s as %s', (word, term) => {
    expect(findBlocklisted(`این ${word} را ببینید`, DEFAULT_BLOCKLIST)).toEqual([term]);
  });

  it.each(['نوکرم', 'نوکرتم', 'احمقم', 'دزدیدند', 'دزدیدن', 'فاسدشدنی', 'احمقانه\u200Cترین', 'جاسوسی\u200Cها'])(
    'does not take %s (first person, courtesy, verb or derived word) for a listed word',
    (word) => {
      expect(findBlocklisted(`${word} داداش، خبر خوبی بود`, DEFAULT_BLOCKLIST)).toEqual([]);
    },
  );
});

describe('findBlocklisted: whole words only', () => {
  it.each([
    'دزدگیر',
    'دزدیده',
    'دزدکی',
    'جاسوس‌افزار',
    'ضدجاسوسی',
    'فاسدشدنی',
    'خائنانه',
    'احمقانه',
    'پیشرفت',
    'رشوه',
    'جیره',
  ])('leaves the innocent word %s alone', (word) => {
    expect(findBlocklisted(sentence(word), DEFAULT_BLOCKLIST)).toEqual([]);
  });

  it.each(SINGLE_WORD_TERMS)('does not find %s inside a longer word', (term) => {
    expect(findBlocklisted(`پیش${term}ستان`, DEFAULT_BLOCKLIST)).toEqual([]);
    expect(findBlocklisted(`x${term}y`, DEFAULT_BLOCKLIST)).toEqual([]);
  });

  it('does not glue single letters or "و" onto neighbours to build a term', () => {
    expect(findBlocklisted('د زد و خورد', ['دزد'])).toEqual([]);
  });
});

describe('findBlocklisted: multi-word terms', () => {
  it.each([
    'این آدم بی سر و پا است',
    'این آدم بی‌سر و پا است',
    'این آدم بی‌سروپا است',
    'این آدم بی سروپا است',
    'این آدم بی‌ســرو پا است',
  ])('finds "بی سر و پا" in %s', (text) => {
    expect(findBlocklisted(text, DEFAULT_BLOCKLIST)).toEqual(['بی سر و پا']);
  });

  it('finds a multi-word term written as one word, and a compound written as two', () => {
    expect(findBlocklisted('این حقوقبگیرها ساکت شوند', ['حقوق بگیر'])).toEqual(['حقوق بگیر']);
    expect(findBlocklisted('این وطن فروش را بشناسید', DEFAULT_BLOCKLIST)).toEqual(['وطن‌فروش']);
    expect(findBlocklisted('این وطن فروش\u200Cها را بشناسید', DEFAULT_BLOCKLIST)).toEqual(['وطن‌فروش']);
  });

  it('needs the words of a multi-word term next to each other', () => {
    expect(findBlocklisted('خاک باغچه را بر سر راه ریختند', DEFAULT_BLOCKLIST)).toEqual([]);
    expect(findBlocklisted('خاک، بر سر', ['خاک بر سر'])).toEqual([]);
  });
});

describe('findBlocklisted: reversed text under a bidi override', () => {
  it('reads the run as it is displayed', () => {
    expect(findBlocklisted('این آدم \u202Dرودزم\u202C است', DEFAULT_BLOCKLIST)).toEqual(['مزدور']);
    expect(findBlocklisted('you are a \u202Ekciwdlog', ['goldwick'])).toEqual(['goldwick']);
  });
});

describe('compileBlocklist', () => {
  it('returns terms as written in the list, in list order, once each', () => {
    const matcher = compileBlocklist(['خائن', 'دزد', 'دزد']);
    expect(matcher.match('دزد و خاین و دزدها')).toEqual(['خائن', 'دزد']);
  });

  it('matches Latin terms case-insensitively and as whole words', () => {
    const matcher = compileBlocklist(['Scam']);
    expect(matcher.match('this is a SCAM')).toEqual(['Scam']);
    expect(matcher.match('scampi for dinner')).toEqual([]);
  });

  it('handles an empty list and terms that normalize to nothing', () => {
    expect(compileBlocklist([]).match('دزد')).toEqual([]);
    expect(compileBlocklist(['', '   ', '\u200C']).match('دزد')).toEqual([]);
  });

  it('reports how many word forms it holds', () => {
    const matcher = compileBlocklist(DEFAULT_BLOCKLIST);
    expect(matcher.formCount).toBeGreaterThan(DEFAULT_BLOCKLIST.length);
    expect(matcher.terms).toEqual(DEFAULT_BLOCKLIST);
  });

  it('reuses the compiled matcher for a list with the same content', () => {
    expect(blocklistMatcher(['دزد', 'خائن'])).toBe(blocklistMatcher(['دزد', 'خائن']));
    expect(blocklistMatcher(['دزد'])).not.toBe(blocklistMatcher(['خائن']));
  });
});

describe('DEFAULT_BLOCKLIST', () => {
  it('has 15–30 distinct terms', () => {
    expect(DEFAULT_BLOCKLIST.length).toBeGreaterThanOrEqual(15);
    expect(DEFAULT_BLOCKLIST.length).toBeLessThanOrEqual(30);
    expect(new Set(DEFAULT_BLOCKLIST).size).toBe(DEFAULT_BLOCKLIST.length);
  });

  const innocentWords = (
    'دزدگیر دزدیده دزدکی دزدی دزدیدن جاسوسی ضدجاسوسی فاسدشدنی خائنانه احمقانه نوکری مزدوری کلاهبرداری رشوه ' +
    'جیره رانت پیشرفت شرف شعور وجدان غیرت خاک سر پا آدم وطن فروش دروغ مفت فطرت پست باز دغل همه چیز خوار ' +
    'ریا کار دروغگویی ریاکاری شیادی اختلاس نوکرپروری'
  ).split(' ');
  it.each(innocentWords)('matches nothing in the innocent word %s', (word) => {
    expect(findBlocklisted(sentence(word), DEFAULT_BLOCKLIST)).toEqual([]);
  });
});
