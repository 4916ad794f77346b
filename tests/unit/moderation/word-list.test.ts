import { SETTINGS_LIMITS } from '../../../src/plugins/moderation/server/src/domain/vocabulary';
import { mergeTerms, normalizeTerm, termsOfFile } from '../../../src/plugins/moderation/server/src/screening/word-list';

describe('the word list as the settings page edits it', () => {
  it('stores a term in one Persian spelling', () => {
    expect(normalizeTerm('  كثيف ')).toBe('کثیف');
    expect(normalizeTerm('مـــزدور')).toBe('مزدور');
    expect(normalizeTerm('دُزد')).toBe('دزد');
    expect(normalizeTerm('دز\u200Bد')).toBe('دزد');
    // The half-space stays: it is how the word is written.
    expect(normalizeTerm('بی\u200Cشرف')).toBe('بی\u200Cشرف');
    expect(normalizeTerm('ﻣﺰﺩﻭﺭ')).toBe('مزدور');
    expect(normalizeTerm('ضد   انقلاب')).toBe('ضد انقلاب');
    expect(normalizeTerm('۱۲۳ ٤٥')).toBe('123 45');
  });

  it('reads a text file one term a line, whatever the line ends, skipping blank lines and a BOM', () => {
    expect(termsOfFile('\uFEFFدزد\r\nمزدور\n\n  \rخائن\n')).toEqual(['دزد', 'مزدور', 'خائن']);
  });

  it('drops terms the list holds under another spelling, and repeats within the import', () => {
    const merged = mergeTerms(['دزد', 'بی‌شرف'], ['دزد', 'بیشرف', 'خائن', 'خاين', 'مزدور']);
    expect(merged.added).toEqual(['خائن', 'مزدور']);
    expect(merged.duplicates).toEqual(['دزد', 'بیشرف', 'خاین']);
    expect(merged.list).toEqual(['دزد', 'بی‌شرف', 'خائن', 'مزدور']);
    expect(merged.tooLong).toEqual([]);
  });

  it('keeps out terms longer than the server accepts', () => {
    const long = 'ب'.repeat(SETTINGS_LIMITS.termLength + 1);
    const merged = mergeTerms([], [long, 'دروغگو']);
    expect(merged.tooLong).toEqual([long]);
    expect(merged.list).toEqual(['دروغگو']);
  });
});
