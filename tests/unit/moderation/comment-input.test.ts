import {
  COMMENT_LIMITS,
  isBlank,
  parseCommentInput,
  visibleLength,
} from '../../../src/plugins/moderation/server/src/domain/comment-input';

const ARTICLE = 'k3v9yq2m8x0p1r7t5w4z6a2b';
const valid = { article: ARTICLE, authorName: 'مریم', authorEmail: 'maryam@example.ir', body: 'نظر من دربارهٔ این خبر' };

const parse = (data: Record<string, unknown>) => parseCommentInput({ data });
const codes = (result: ReturnType<typeof parseCommentInput>) => (result.ok ? [] : result.errors.map((e) => e.code));
const errorFor = (result: ReturnType<typeof parseCommentInput>, field: string) =>
  result.ok ? undefined : result.errors.find((e) => e.field === field)?.code;

describe('the envelope', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', [valid]],
    ['an object without data', { ...valid }],
    ['data as null', { data: null }],
    ['data as a string', { data: 'x' }],
    ['data as an array', { data: [valid] }],
  ])('refuses %s with comment_data_missing only', (_label, body) => {
    expect(parseCommentInput(body)).toEqual({ ok: false, errors: [{ field: 'data', code: 'comment_data_missing' }] });
  });

  it('reports every missing field of an empty data object at once', () => {
    expect(codes(parse({}))).toEqual(['comment_article_missing', 'comment_name_missing', 'comment_body_missing']);
  });

  it('accepts a complete submission and trims it', () => {
    expect(
      parse({ article: ` ${ARTICLE} `, authorName: '  مریم ', authorEmail: ' a@b.ir ', body: '\n متن نظر \t' }),
    ).toEqual({ ok: true, value: { article: ARTICLE, authorName: 'مریم', authorEmail: 'a@b.ir', body: 'متن نظر' } });
  });
});

describe('article', () => {
  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['whitespace', '   '],
  ])('is refused as missing when %s', (_label, article) => {
    expect(errorFor(parse({ ...valid, article }), 'article')).toBe('comment_article_missing');
  });

  it.each([
    ['a number', 12],
    ['an object', { documentId: ARTICLE }],
    ['an array', [ARTICLE]],
    ['with a space inside', 'abc def'],
    ['with a slash', '../x'],
    ['with a quote', "x'--"],
    ['65 characters', 'a'.repeat(65)],
  ])('is refused as not a documentId when %s', (_label, article) => {
    expect(errorFor(parse({ ...valid, article }), 'article')).toBe('comment_article_invalid');
  });

  it('accepts letters, digits, _ and - up to 64 characters', () => {
    expect(parse({ ...valid, article: 'a'.repeat(64) }).ok).toBe(true);
    expect(parse({ ...valid, article: 'Ab_9-z' }).ok).toBe(true);
  });
});

describe('authorName', () => {
  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['whitespace', ' \t\n '],
    ['a number', 7],
    ['a boolean', true],
    ['an object', { fa: 'مریم' }],
  ])('is missing when %s', (_label, authorName) => {
    expect(errorFor(parse({ ...valid, authorName }), 'authorName')).toBe('comment_name_missing');
  });

  it(`accepts ${COMMENT_LIMITS.nameMax} characters and refuses ${COMMENT_LIMITS.nameMax + 1}`, () => {
    expect(COMMENT_LIMITS.nameMax).toBe(80);
    expect(parse({ ...valid, authorName: 'م'.repeat(80) }).ok).toBe(true);
    expect(codes(parse({ ...valid, authorName: 'م'.repeat(81) }))).toEqual(['comment_name_too_long']);
  });

  it('counts letters with marks once each', () => {
    expect(parse({ ...valid, authorName: 'بِ'.repeat(80) }).ok).toBe(true);
    expect(codes(parse({ ...valid, authorName: 'بِ'.repeat(81) }))).toEqual(['comment_name_too_long']);
  });

  it('refuses a name too long for its column (255 UTF-16 units) even within 80 visible characters', () => {
    expect(parse({ ...valid, authorName: '👩‍👩‍👧'.repeat(31) }).ok).toBe(true);
    expect(codes(parse({ ...valid, authorName: '👩‍👩‍👧'.repeat(32) }))).toEqual(['comment_name_too_long']);
  });

  it('measures the name after trimming', () => {
    expect(parse({ ...valid, authorName: `  ${'a'.repeat(80)}  ` }).ok).toBe(true);
  });
});

describe('authorEmail', () => {
  it.each([undefined, null, ''])('is optional (%p gives null)', (authorEmail) => {
    const result = parse({ ...valid, authorEmail });
    expect(result).toEqual({ ok: true, value: { ...valid, authorEmail: null } });
  });

  it.each([
    'plain',
    'a@b',
    'a@b.',
    'a@.ir',
    '@example.ir',
    'a@@example.ir',
    'a b@example.ir',
    'a@exa mple.ir',
    'a@example..ir',
    'a@example.ir.',
    '   ',
  ])('refuses %p', (authorEmail) => {
    expect(codes(parse({ ...valid, authorEmail }))).toEqual(['comment_email_invalid']);
  });

  it.each([42, true, {}, ['a@b.ir']])('refuses the non-string %p', (authorEmail) => {
    expect(codes(parse({ ...valid, authorEmail }))).toEqual(['comment_email_invalid']);
  });

  it.each(['a@b.ir', 'first.last+tag@mail.example.com', 'مریم@example.ir'])('accepts %p', (authorEmail) => {
    expect(parse({ ...valid, authorEmail })).toEqual({ ok: true, value: { ...valid, authorEmail } });
  });

  it(`accepts ${COMMENT_LIMITS.emailMax} characters and refuses more`, () => {
    const at = (length: number) => `${'a'.repeat(length - '@example.ir'.length)}@example.ir`;
    expect(at(254)).toHaveLength(254);
    expect(parse({ ...valid, authorEmail: at(254) }).ok).toBe(true);
    expect(codes(parse({ ...valid, authorEmail: at(255) }))).toEqual(['comment_email_invalid']);
  });
});

describe('body', () => {
  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['whitespace', '  \n\t  '],
    ['a number', 12345],
    ['an array', ['متن نظر']],
    ['an object', { text: 'متن نظر' }],
  ])('is missing when %s', (_label, body) => {
    expect(codes(parse({ ...valid, body }))).toEqual(['comment_body_missing']);
  });

  it('refuses 1 character and accepts 2', () => {
    expect(codes(parse({ ...valid, body: 'خ' }))).toEqual(['comment_body_too_short']);
    expect(codes(parse({ ...valid, body: '  خ  ' }))).toEqual(['comment_body_too_short']);
    expect(parse({ ...valid, body: 'خب' }).ok).toBe(true);
  });

  it('counts a single emoji as one character, so it is too short', () => {
    expect(codes(parse({ ...valid, body: '👍🏽' }))).toEqual(['comment_body_too_short']);
    expect(codes(parse({ ...valid, body: '👨‍👩‍👧‍👦' }))).toEqual(['comment_body_too_short']);
    expect(parse({ ...valid, body: '👍🏽👍🏽' }).ok).toBe(true);
  });

  it('accepts 3000 characters and refuses 3001', () => {
    expect(COMMENT_LIMITS.bodyMax).toBe(3000);
    expect(parse({ ...valid, body: 'ب'.repeat(3000) }).ok).toBe(true);
    expect(codes(parse({ ...valid, body: 'ب'.repeat(3001) }))).toEqual(['comment_body_too_long']);
  });

  it('counts emoji once: 3000 emoji pass although they are many more UTF-16 units', () => {
    const emoji = '😀'.repeat(3000);
    expect(emoji.length).toBe(6000);
    expect(parse({ ...valid, body: emoji }).ok).toBe(true);
    expect(codes(parse({ ...valid, body: `${emoji}😀` }))).toEqual(['comment_body_too_long']);
    // A family emoji is 11 UTF-16 units; the column holds 30,000.
    expect(parse({ ...valid, body: '👨‍👩‍👧‍👦'.repeat(2700) }).ok).toBe(true);
    expect(codes(parse({ ...valid, body: '👨‍👩‍👧‍👦'.repeat(2800) }))).toEqual(['comment_body_too_long']);
  });

  it('counts a Persian letter with a vowel mark once', () => {
    const marked = 'بَ'; // beh + fatha
    expect(marked.length).toBe(2);
    expect(visibleLength(marked.repeat(3000))).toBe(3000);
    expect(parse({ ...valid, body: marked.repeat(3000) }).ok).toBe(true);
    expect(codes(parse({ ...valid, body: marked.repeat(3001) }))).toEqual(['comment_body_too_long']);
  });

  it('measures the body after trimming', () => {
    expect(parse({ ...valid, body: `   ${'ب'.repeat(3000)}   ` }).ok).toBe(true);
  });
});

describe('fields a reader may not set', () => {
  it('ignores everything but the four reader fields', () => {
    const result = parse({
      ...valid,
      moderationStatus: 'approved',
      rejectionReason: 'spam',
      moderationNote: 'x',
      moderatedBy: 1,
      moderatedAt: '2020-01-01',
      publishedAt: '2020-01-01',
      ipHash: 'abc',
      userAgent: 'x',
      screening: { flags: [] },
      id: 1,
      documentId: 'mine',
      locale: 'en',
    });
    expect(result).toEqual({ ok: true, value: valid });
    expect(Object.keys((result as { value: object }).value).sort()).toEqual([
      'article',
      'authorEmail',
      'authorName',
      'body',
    ]);
  });

  it('reports all field errors together, in field order', () => {
    const result = parse({ article: '', authorName: 'م'.repeat(81), authorEmail: 'bad', body: 'x' });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'article', code: 'comment_article_missing' },
        { field: 'authorName', code: 'comment_name_too_long' },
        { field: 'authorEmail', code: 'comment_email_invalid' },
        { field: 'body', code: 'comment_body_too_short' },
      ],
    });
  });
});

describe('isBlank', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['tabs and line breaks', '\t\n\r'],
    ['a no-break space', '\u00A0'],
    ['a zero-width space', '\u200B'],
    ['a zero-width non-joiner', '\u200C'],
    ['a zero-width joiner', '\u200D'],
    ['a byte order mark', '\uFEFF'],
    ['a word joiner', '\u2060'],
    ['RLM and LRM', '\u200F\u200E'],
    ['a bidi override', '\u202E'],
    ['a Hangul filler', '\u3164'],
    ['a mix of them', ' \u200B\u200C \uFEFF\u2060\u00A0 '],
  ])('is true for %s', (_label, text) => {
    expect(isBlank(text)).toBe(true);
  });

  it.each([
    ['a Persian letter', 'م'],
    ['a Latin letter', 'a'],
    ['a digit among invisibles', '\u200B۱\u200C'],
    ['a dot', '.'],
    ['an emoji', '👍'],
    ['a Persian word with ZWNJ', 'می\u200Cخواهم'],
    ['a NUL', '\u0000'],
  ])('is false for %s', (_label, text) => {
    expect(isBlank(text)).toBe(false);
  });
});

describe('invisible and control characters', () => {
  const only = (...chars: string[]) => chars.join('');

  it.each([
    ['zero-width spaces', only('\u200B', '\u200B')],
    ['ZWNJ', only('\u200C', '\u200C', '\u200C')],
    ['a byte order mark', '\uFEFF'],
    ['a word joiner and spaces', only(' ', '\u2060', ' ')],
    ['all of them', only('\u200B', ' ', '\u200C', '\uFEFF', '\u2060', '\u00A0')],
  ])('a body of only %s is missing', (_label, body) => {
    expect(codes(parse({ ...valid, body }))).toEqual(['comment_body_missing']);
  });

  it.each([
    ['zero-width spaces', only('\u200B', '\u200B')],
    ['ZWNJ', only('\u200C', '\u200C')],
    ['a byte order mark', '\uFEFF'],
    ['a word joiner and spaces', only(' ', '\u2060', ' ')],
    ['RLM and LRM', only('\u200F', '\u200E')],
  ])('a name of only %s is missing', (_label, authorName) => {
    expect(codes(parse({ ...valid, authorName }))).toEqual(['comment_name_missing']);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001B'],
    ['DEL', '\u007F'],
    ['NEL (U+0085)', '\u0085'],
    ['a vertical tab', '\u000B'],
  ])('refuses %s inside the body', (_label, char) => {
    expect(codes(parse({ ...valid, body: `نظر من${char}دربارهٔ خبر` }))).toEqual(['comment_body_bad_characters']);
  });

  it('refuses a body that is a single control character rather than calling it short or missing', () => {
    expect(codes(parse({ ...valid, body: '\u0000' }))).toEqual(['comment_body_bad_characters']);
    expect(codes(parse({ ...valid, body: '\u001B[31m' }))).toEqual(['comment_body_bad_characters']);
  });

  it('keeps tabs and line breaks inside the body', () => {
    const body = 'خط اول\nخط دوم\r\nخط سوم\tپایان';
    expect(parse({ ...valid, body })).toEqual({ ok: true, value: { ...valid, body } });
  });

  it('keeps ZWNJ, RLM and LRM inside the body', () => {
    const body = 'می\u200Cخواهم بگویم \u200FWHO\u200E گفت';
    expect(parse({ ...valid, body })).toEqual({ ok: true, value: { ...valid, body } });
  });

  it.each([
    ['NUL', 'a\u0000b@example.ir'],
    ['NUL at the end', 'ab@example.ir\u0000'],
    ['BEL', 'ab\u0007@example.ir'],
    ['ESC in the domain', 'ab@exa\u001Bmple.ir'],
  ])('refuses %s in the email', (_label, authorEmail) => {
    expect(codes(parse({ ...valid, authorEmail }))).toEqual(['comment_email_invalid']);
  });

  it.each([
    ['LRE', '\u202A'],
    ['RLE', '\u202B'],
    ['PDF', '\u202C'],
    ['LRO', '\u202D'],
    ['RLO', '\u202E'],
    ['LRI', '\u2066'],
    ['RLI', '\u2067'],
    ['FSI', '\u2068'],
    ['PDI', '\u2069'],
  ])('refuses the bidi control %s in a name', (_label, char) => {
    expect(codes(parse({ ...valid, authorName: `مریم${char}رضایی` }))).toEqual(['comment_name_bad_characters']);
    expect(codes(parse({ ...valid, authorName: `${char}admin` }))).toEqual(['comment_name_bad_characters']);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001B'],
    ['NEL (U+0085)', '\u0085'],
  ])('refuses %s in a name', (_label, char) => {
    expect(codes(parse({ ...valid, authorName: `مریم${char}` }))).toEqual(['comment_name_bad_characters']);
  });

  it.each([
    ['a line break', '\n'],
    ['a carriage return', '\r'],
    ['a tab', '\t'],
  ])('refuses %s inside a name (a name is one line), though a body may hold it', (_label, char) => {
    expect(codes(parse({ ...valid, authorName: `مریم${char}تأیید شده` }))).toEqual(['comment_name_bad_characters']);
    expect(codes(parse({ ...valid, body: `خط نخست نظر${char}خط دوم نظر` }))).toEqual([]);
  });

  it('reports bad characters before the length of a name', () => {
    expect(codes(parse({ ...valid, authorName: `${'م'.repeat(90)}\u202E` }))).toEqual(['comment_name_bad_characters']);
  });

  it.each([
    ['ZWNJ then a space', 'نرگس\u200C سادات'],
    ['ZWNJ inside a name', 'محمد\u200Cرضا'],
    ['RLM', 'مریم\u200F'],
    ['LRM around Latin', 'علی \u200EAli\u200E'],
  ])('accepts a name with %s as it is', (_label, authorName) => {
    expect(parse({ ...valid, authorName })).toEqual({ ok: true, value: { ...valid, authorName } });
  });

  it('reports a name and a body with bad characters together', () => {
    expect(parse({ ...valid, authorName: 'x\u202Ey', authorEmail: 'a\u0000@b.ir', body: 'متن\u0007' })).toEqual({
      ok: false,
      errors: [
        { field: 'authorName', code: 'comment_name_bad_characters' },
        { field: 'authorEmail', code: 'comment_email_invalid' },
        { field: 'body', code: 'comment_body_bad_characters' },
      ],
    });
  });
});

describe('hostile sizes (found by the reliability fuzzing: a 40,000-character name took seconds to refuse)', () => {
  const valid = { article: 'zyzu8ndq85yzedjjv67hb6fh', authorName: 'مریم', body: 'نظر من دربارهٔ این گزارش' };

  it('stops counting past the limit it is asked about', () => {
    expect(visibleLength('ب'.repeat(100_000), 80)).toBe(81);
    expect(visibleLength('ب'.repeat(10), 80)).toBe(10);
  });

  it('refuses a megabyte name or body without segmenting all of it', () => {
    const huge = '😀'.repeat(500_000);
    const started = process.hrtime.bigint();
    const result = parseCommentInput({ data: { ...valid, authorName: huge, body: huge } });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { field: 'authorName', code: 'comment_name_too_long' },
        { field: 'body', code: 'comment_body_too_long' },
      ],
    });
    // Segmenting a million UTF-16 units twice took seconds; the checks now stop early.
    expect(ms).toBeLessThan(1000);
  });
});
