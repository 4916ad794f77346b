/**
 * Language of a comment, from script evidence and function words.
 *
 * Why not franc-min: it is ESM-only, and jest (CommonJS) cannot load it without transforming
 * node_modules; it also misreads Persian typed with Arabic yeh/kaf, cannot recognise Finglish and
 * answers `und` for short texts. What separates the languages a Persian newsroom sees is cheap and
 * reliable: letters only one language uses, and that language's most common small words.
 */

/**
 * `azb` South Azerbaijani (Arabic script), `sd` Sindhi, `ug` Uyghur; `other` is any other language,
 * in any script (Chinese, Russian, French ...); `und` too short to tell.
 */
export type Language = 'fa' | 'ar' | 'ur' | 'ps' | 'ckb' | 'azb' | 'sd' | 'ug' | 'en' | 'fa-Latn' | 'other' | 'und';

export interface LanguageGuess {
  language: Language;
  /** 0..1: how much the evidence favours this answer over the next best. */
  confidence: number;
}

/** Texts shorter than this many words are undetermined: flag nothing rather than guess. */
const MIN_WORDS = 3;
/**
 * Letters of a script other than Arabic and Latin from which a text is surely not Persian. A
 * Chinese or Japanese character is often a word by itself and counts twice: 谢谢 is "thanks".
 */
const MIN_OTHER_SCRIPT_LETTERS = 4;
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

// Links, e-mail addresses and handles say nothing about the language. Each pattern runs only
// when the character it needs is in the text.
const ADDRESSES: readonly (readonly [marker: string, pattern: RegExp])[] = [
  ['/', /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/giu],
  ['@', /[^\s@]*@\S*/gu],
  ['.', /(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?/giu],
];
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u0640]/gu;
const LETTER_WORD = /\p{L}+/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** The verbal prefix written with its half-space (می‌کنم, نمی‌دانم): Persian spelling. */
const PERSIAN_VERB_PREFIX = /ن?می\u200C\p{L}/gu;
const HALF_SPACE = /\u200C/gu;

/**
 * Arabic-keyboard letters folded for word look-up, so Persian typed on it reads as Persian; ھ too,
 * which some Dari and Urdu keyboards type for ه.
 */
const KEYBOARD_FOLDS: Readonly<Record<string, string>> = { ي: 'ی', ى: 'ی', ك: 'ک', ھ: 'ه' };
const KEYBOARD_FOLDABLE = /[يىكھ]/gu;

function foldKeyboard(text: string): string {
  return text.replace(KEYBOARD_FOLDABLE, (letter) => KEYBOARD_FOLDS[letter] ?? letter);
}

function words(list: string): ReadonlySet<string> {
  return new Set(foldKeyboard(list).split(/\s+/u).filter(Boolean));
}

// Small words frequent in one language and absent or rare in the others it is compared with.
// Words shared between candidates (من، ما، او، هم، نه، و ...) are deliberately left out.
const PERSIAN_WORDS = words(`
  است این که را به از برای با در آن هست نیست نیستند هستند هستیم هستم بود بودند شد شده شدند
  کرد کرده کردند کند کنند کنید کنیم میکند میکنند نمیشود میشود میشه دارد دارند داره نداره
  خیلی چرا ولی اگر باید نباید چه هیچ همه یک دیگر دیگه شما آنها اینها ایشان چطور چگونه
  کجا وقتی چون پس تا مردم مرسی لطفا واقعا حتما الان البته اینکه چیزی کسی اون رو نمی می
  آیا بسیار هنوز بهتر بدتر گفت گفته میگه میگن همین همان کاش متاسفانه هر توی روی زیر ای وای
  آقای آقا خانم دمتون دستتون
  اینا اونا چی چطوری میخام میخوام میخواد نمیدونم میدونم نمیدونیم باشه بشه نمیشه میره بره
  هیچکی هیچکس همش دارن میکنن نمیکنن کنه میکنه شدیم شدن بودم بودیم کردیم کردم کجاست
  استید استی استم استند میباشد میباشند نمیباشد کده نکده کدم کدیم گپ همی ره تشکر معلومات
`);
const ARABIC_WORDS = words(`
  في على إلى إلی هذا هذه الذي التي الذين ذلک تلک هناک لا لم لن کان کانت یکون هو نحن أنا
  أنت انت عن مع ثم أو إن أن لکن لیس عند منذ أیضا ایضا یجب شکرا هل ماذا لماذا أین متی إذا اذا
`);
const URDU_WORDS = words(`
  ہے ہیں کے کا میں نے کو سے اور یہ وہ تھا تھی تھے نہیں بھی ہو ہوں گا گی گے آپ ہم کیا اس
  لیے لئے کہ ہوا رہا رہے جائے چاہیے بہت ساتھ والے کر کرنا
`);
const PASHTO_WORDS = words(`
  د په چې دا یې کې دی وي څه ډېر ډیر زه موږ مونږ هغه دې دغه شي شوی کړي کوي خو ستاسو
  زموږ مننه لپاره څخه وو وه
`);
const SORANI_WORDS = words(`
  لە بە کە ئەم ئەو ئەوە لەگەڵ بۆ دەکات نییە هەیە تۆ ئێمە ئێوە زۆر بەڵام چونکە ئەگەر هەموو
  ئەمە بوو دەبێت کرا سوپاس
`);
// South Azerbaijani as written in Iran: Turkic function words and verb forms, Persian letters.
const AZERBAIJANI_WORDS = words(`
  بو بیر ایله اوچون دیر دیر دی ایدی اولان اولوب اولسون اولون اولار یوخ وار دئییل دئیل دگیل
  گؤره کیمی آما داها هئچ بیز سیز بیزیم سیزین منیم سنین اونون اونلار ائله ساغ یاخشی ایندی
  هامی چوخ دوغرو فیکیر منه سنه اونا بیزه سیزه ائدیر ائتدی گئدیر گلیر بیلمیرم بیلیرم ایستیر
  تورک تورکجه دیلی دیل ائو اوشاق اوشاقلار ده دا
`);
// Sindhi: postpositions, copula and pronouns.
const SINDHI_WORDS = words(`
  آهي آهن ۾ ۽ کي جو جي جا ته هي اسان توهان ناهي سان تي کان ٿو ٿي ٿا ڪري هئي هو سڀ سڀني
  ڏاڍو ڏاڍي گهرجي
`);
// Uyghur: its own vowel letters make most words unmistakable; a few common ones besides.
const UYGHUR_WORDS = words(`
  بۇ بىر ۋە ئۈچۈن مەن سىز بىز ئۇ ئىكەن بولۇپ ھەم بار يوق ئەمەس ناھايىتى رەھمەت دەپ
`);

/** Weak words: shared with Persian as a loanword or a homograph ("دیر" late, "ده" ten, "بو" smell). */
const WEAK_WORDS = words('دیر ده دا بو وار دیل ساغ هامی');

/** Persian words that begin with ال and are not the Arabic article. */
const PERSIAN_AL_WORDS = words('الان البته الگو الهام الکترونیک الکترونیکی الزام الف الکل الماس البرز');

const ARABIC_ARTICLE = /^(?:[وفبکل]?ال|لل)\p{L}{2,}/u;
const ARABIC_CLITIC_START = /^[وفبکل]?ال|^لل/u;

/**
 * Azerbaijani word endings Persian does not have: the plural لار/لر on a long word, present and
 * negative verb endings (ائشیتمیر، قوشولمورام، بیلریک), the copula دیر/دور glued on.
 */
const AZERBAIJANI_ENDINGS = words('لار لر لاری لری میر مور مورام میرام یرام یریک ریک دیر دور دیلار دیلر');
const hasAzerbaijaniEnding = (word: string): boolean => {
  if (word.length < 5) return false;
  for (const ending of AZERBAIJANI_ENDINGS) if (word.length - ending.length >= 3 && word.endsWith(ending)) return true;
  return false;
};
/** ئ before a consonant at the start of a word (ائو، ائله، ائشیت): Azerbaijani "e". */
const AZERBAIJANI_E = /^ائ[^یو]/u;
/** ى inside a word: Uyghur's i (Arabic writes it only at the end). */
const MEDIAL_ALEF_MAKSURA = /\u0649(?=\p{L})/gu;

type ArabicScriptLanguage = 'fa' | 'ar' | 'ur' | 'ps' | 'ckb' | 'azb' | 'sd' | 'ug';

/** Letters as evidence: which languages a letter points to, and how strongly. */
const LETTER_EVIDENCE = new Map<number, readonly (readonly [ArabicScriptLanguage, number])[]>();
const letters = (list: string, languages: readonly ArabicScriptLanguage[], weight: number): void => {
  for (const letter of list) {
    const code = letter.charCodeAt(0);
    LETTER_EVIDENCE.set(code, [...(LETTER_EVIDENCE.get(code) ?? []), ...languages.map((l) => [l, weight] as const)]);
  }
};
// پ چ ژ گ are not Arabic, but Urdu and Sorani (and, but for گ, Pashto) use them too: they count
// against Arabic, not for Persian alone. Azerbaijani uses them as Persian does.
letters('پچژگ', ['fa', 'ur', 'ckb', 'azb'], 0.5);
letters('ٹڈڑںےۓ', ['ur'], 1.5);
letters('ہ', ['ur'], 1.5);
letters('ټډړږښځڅۍګڼ', ['ps'], 1.5);
letters('ې', ['ps', 'ug'], 1.2);
letters('ێڵڕڤ', ['ckb'], 1.5);
letters('ە', ['ckb', 'ug'], 1.2);
letters('ۆ', ['ckb', 'ug', 'azb'], 1);
letters('ۇۈۋ', ['ug'], 1.5);
letters('ؤ', ['azb'], 0.8);
letters('ٻڀٿٽٺڄڃڇڊڌڍڏڙڦڪڱڳڻ۾', ['sd'], 1.5);
letters('ة', ['ar'], 1.5);
letters('ىأإ', ['ar'], 0.3);

const ENGLISH_WORDS = words(`
  the and is are was were of to in on for with this that it its not be have has had you your
  i my we our they their he she his her but or what why how about very so just from at by an
  as will would can could do does did don't no yes there here all more news article thanks
  thank great good really think people government
`);
const FINGLISH_WORDS = words(`
  salam slm che nistam hastam nistim hastim kheili kheyli khaili khyli khoob khob khub ast hast
  hastan nist nistan chera chi chie chiye mikonam mikone mikonan mikonid nemikonam mishe nemishe
  mikham mikhad midoonam midunam nemidoonam nemidunam baraye bara dar ke va ham ba az ro ra merci
  mersi mamnoon mamnun mamnoonam shoma ina inja onja hamin hamun inke chon vali ama hich hame
  hamash dige alan lotfan chetor chetori chikar koja kojast vaghean vaghan aslan asan bood bud
  boodan shod shode shodeh kard kardan kardand kardid konid kon kone konim bashe bashid begim
  migim gofte gofti doroste dorost akhe agha aghaye khanom khanoom mardom dolat khabar javab
  omidvaram dastet dard nakone khasteh khaste nabashid eyval ghashang aali ye yek yedoone ino
  inam oon baba nakon nemitoonam mitoonam mitoonim mishavad migan
`);
const OTHER_LATIN_WORDS = words(`
  le la les est une des du et pas que qui je vous très pour dans avec sur el los las es una
  de y por para con muy gracias der das ist und nicht ein eine ich sie mit auf für sehr
  danke bir ve bu çok için ile değil var yok güzel il di è non sono molto grazie
`);
const NON_ENGLISH_LATIN_LETTER = /[àâçéèêëîïôûùüÿñæœäößşğıøåõãáíóú]/u;
const FINGLISH_VERB = /^(?:ne)?mi[bcdfghjklmnpqrstvwxz][a-z]*(?:am|im|id|and|an|e|i)$/u;
const FINGLISH_DIGRAPH = /(?:kh|gh)[aeiou]/u;

type Scores<L extends string> = Record<L, number>;

function best<L extends string>(scores: Scores<L>, fallback: L): { language: L; confidence: number } {
  const entries = (Object.entries(scores) as [L, number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = entries;
  if (!top || top[1] <= 0) return { language: fallback, confidence: 0.3 };
  const total = entries.reduce((sum, [, score]) => sum + score, 0);
  const share = top[1] / total;
  const amount = 1 - Math.exp(-top[1] / 4);
  const tie = second !== undefined && second[1] === top[1];
  return {
    language: tie && (top[0] === fallback || second[0] === fallback) ? fallback : top[0],
    confidence: round(share * (0.5 + 0.5 * amount)),
  };
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

/** `raw` keeps half-spaces; `text` is cleaned but unfolded; `arabicWords` are folded. */
function classifyArabicScript(raw: string, text: string, arabicWords: string[]): LanguageGuess {
  const scores: Scores<ArabicScriptLanguage> = { fa: 0, ar: 0, ur: 0, ps: 0, ckb: 0, azb: 0, sd: 0, ug: 0 };
  scores.fa += 1.5 * (raw.match(PERSIAN_VERB_PREFIX)?.length ?? 0);
  scores.fa += 0.3 * (raw.match(HALF_SPACE)?.length ?? 0);

  for (let i = 0; i < text.length; i++) {
    const evidence = LETTER_EVIDENCE.get(text.charCodeAt(i));
    if (evidence) for (const [language, weight] of evidence) scores[language] += weight;
  }
  scores.ug += text.match(MEDIAL_ALEF_MAKSURA)?.length ?? 0;

  for (const word of arabicWords) {
    const weight = WEAK_WORDS.has(word) ? 1 : 2;
    if (PERSIAN_WORDS.has(word)) scores.fa += weight;
    if (ARABIC_WORDS.has(word)) scores.ar += weight;
    if (URDU_WORDS.has(word)) scores.ur += weight;
    if (PASHTO_WORDS.has(word)) scores.ps += weight;
    if (SORANI_WORDS.has(word)) scores.ckb += weight;
    if (AZERBAIJANI_WORDS.has(word)) scores.azb += weight;
    else if (hasAzerbaijaniEnding(word) || AZERBAIJANI_E.test(word)) scores.azb += 0.8;
    if (SINDHI_WORDS.has(word)) scores.sd += weight;
    if (UYGHUR_WORDS.has(word)) scores.ug += weight;
    if (ARABIC_CLITIC_START.test(word) && ARABIC_ARTICLE.test(word) && !PERSIAN_AL_WORDS.has(word)) scores.ar += 1;
  }
  // With no evidence either way, Arabic-script text on a Persian site is Persian.
  return best(scores, 'fa');
}

type LatinLanguage = 'en' | 'fa-Latn' | 'other';

function classifyLatin(latinWords: string[]): LanguageGuess {
  const scores: Scores<LatinLanguage> = { en: 0, 'fa-Latn': 0, other: 0 };
  for (const word of latinWords) {
    const lower = word.toLowerCase();
    if (ENGLISH_WORDS.has(lower)) scores.en += 2;
    if (FINGLISH_WORDS.has(lower)) scores['fa-Latn'] += 2;
    else if (FINGLISH_VERB.test(lower)) scores['fa-Latn'] += 0.7;
    else if (FINGLISH_DIGRAPH.test(lower)) scores['fa-Latn'] += 0.4;
    if (OTHER_LATIN_WORDS.has(lower)) scores.other += 2;
    if (NON_ENGLISH_LATIN_LETTER.test(lower)) scores.other += 1;
  }
  return best(scores, 'other');
}

/**
 * The language of a comment. Texts of fewer than three words (and emoji-only or link-only texts)
 * are `und`. Persian typed on an Arabic keyboard, or with a Latin word or an emoji in it, is `fa`;
 * Persian written in Latin letters (Finglish) is `fa-Latn`.
 */
export function detectLanguage(text: string): LanguageGuess {
  const raw = text.normalize('NFKC');
  let cleaned = raw;
  for (const [marker, pattern] of ADDRESSES) if (cleaned.includes(marker)) cleaned = cleaned.replace(pattern, ' ');
  cleaned = cleaned.replace(IGNORABLE, '');
  // Words are looked up with the Arabic keyboard's ي ى ك folded; letters are counted unfolded.
  const all = foldKeyboard(cleaned).match(LETTER_WORD) ?? [];

  const arabicWords: string[] = [];
  const latinWords: string[] = [];
  let otherLetters = 0;
  for (const word of all) {
    const first = word.charCodeAt(0);
    if (isArabicScript(first)) arabicWords.push(word);
    else if (first < 0x250 || LATIN_LETTER.test(word.charAt(0))) latinWords.push(word);
    else otherLetters += IDEOGRAPHIC.test(word) ? 2 * word.length : word.length;
  }
  const otherCount = all.length - arabicWords.length - latinWords.length;

  // A text with no Arabic-script word and a few letters of another script (Chinese and Japanese
  // write no spaces, so letters count, not words) is no Persian at all.
  if (arabicWords.length === 0 && otherLetters >= MIN_OTHER_SCRIPT_LETTERS && otherLetters >= latinWords.length) {
    return {
      language: 'other',
      confidence: round(0.5 + (0.5 * otherLetters) / (otherLetters + latinWords.length * 4)),
    };
  }
  if (all.length < MIN_WORDS) return { language: 'und', confidence: 0 };

  // A Persian comment often carries Latin brand names or terms: a few Arabic-script words decide.
  if (arabicWords.length >= MIN_WORDS || arabicWords.length / all.length >= 0.35) {
    return classifyArabicScript(raw, cleaned, arabicWords);
  }
  if (latinWords.length >= otherCount) return classifyLatin(latinWords);
  return { language: 'other', confidence: round(otherCount / all.length) };
}

/** Arabic, Arabic Supplement and Extended-A blocks (presentation forms are gone after NFKC). */
function isArabicScript(code: number): boolean {
  return (code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff);
}
