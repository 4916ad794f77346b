import { parseCommentInput } from '../../../src/plugins/moderation/server/src/domain/comment-input';
import { parseReportInput } from '../../../src/plugins/moderation/server/src/domain/reader-input';
import {
  isReactionKind,
  LIMITS,
  REPORT_REASON_LABELS,
  REPORT_REASONS,
} from '../../../src/plugins/moderation/server/src/domain/vocabulary';

describe('parseReportInput', () => {
  it.each(REPORT_REASONS)('takes the reason %s, with no note', (reason) => {
    expect(parseReportInput({ reason })).toEqual({ ok: true, value: { reason, note: null } });
  });

  it('keeps a note trimmed, and a blank one as none', () => {
    expect(parseReportInput({ reason: 'other', note: '  تهمت  ' })).toEqual({
      ok: true,
      value: { reason: 'other', note: 'تهمت' },
    });
    expect(parseReportInput({ reason: 'spam', note: '   ' })).toEqual({
      ok: true,
      value: { reason: 'spam', note: null },
    });
  });

  it('counts the note in characters as the reader sees them', () => {
    expect(parseReportInput({ reason: 'other', note: '😀'.repeat(LIMITS.reportNoteMax) }).ok).toBe(true);
    expect(parseReportInput({ reason: 'other', note: 'ب'.repeat(LIMITS.reportNoteMax + 1) })).toEqual({
      ok: false,
      code: 'report_note_too_long',
    });
  });

  it.each([undefined, null, [], 'slander', {}, { reason: 'not_persian' }, { reason: 'SPAM' }])('refuses %p', (body) => {
    expect(parseReportInput(body)).toEqual({ ok: false, code: 'report_reason_invalid' });
  });

  it('has Persian and English labels for every reason', () => {
    for (const label of Object.values(REPORT_REASON_LABELS)) {
      expect(label.fa).toMatch(/[\u0600-\u06FF]/);
      expect(label.en.length).toBeGreaterThan(0);
    }
  });
});

describe('reaction kinds', () => {
  it('are agree and disagree only', () => {
    expect(isReactionKind('agree')).toBe(true);
    expect(isReactionKind('disagree')).toBe(true);
    for (const value of ['like', 'Agree', '', null, ['agree']]) expect(isReactionKind(value)).toBe(false);
  });
});

describe('a reply in parseCommentInput', () => {
  const valid = { article: 'k3v9yq2m8x0p1r7t5w4z6a2b', authorName: 'مریم', body: 'پاسخ من به این نظر' };

  it('takes the parent documentId, trimmed', () => {
    const result = parseCommentInput({ data: { ...valid, parent: ' abcdefghij0123456789abcd ' } });
    expect(result.ok && result.value.parent).toBe('abcdefghij0123456789abcd');
  });

  it('leaves parent out when none is given', () => {
    for (const parent of [undefined, null, '']) {
      const result = parseCommentInput({ data: { ...valid, parent } });
      expect(result.ok && 'parent' in result.value).toBe(false);
    }
  });

  it.each([42, { documentId: 'abc' }, ['abc'], 'not a document id', 'x'.repeat(65)])('refuses %p', (parent) => {
    const result = parseCommentInput({ data: { ...valid, parent } });
    expect(result).toEqual({ ok: false, errors: [{ field: 'parent', code: 'comment_parent_invalid' }] });
  });
});
