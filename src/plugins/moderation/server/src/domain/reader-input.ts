import { isPlainObject } from '../../../../../lib/is-plain-object';
import { isReportReason, LIMITS, type ReportReason } from './vocabulary';

/**
 * Checks a reader's report (`{"reason": …, "note"?: …}`). Only these two fields are read; an
 * absent or blank note is none, a note is kept trimmed.
 */
export type ReportInput = { reason: ReportReason; note: string | null };

export function parseReportInput(
  body: unknown,
): { ok: true; value: ReportInput } | { ok: false; code: 'report_reason_invalid' | 'report_note_too_long' } {
  const data = isPlainObject(body) ? body : {};
  if (!isReportReason(data.reason)) return { ok: false, code: 'report_reason_invalid' };
  let note: string | null = null;
  if (data.note !== undefined && data.note !== null) {
    if (typeof data.note !== 'string') return { ok: false, code: 'report_note_too_long' };
    const trimmed = data.note.trim();
    if (Array.from(trimmed).length > LIMITS.reportNoteMax) return { ok: false, code: 'report_note_too_long' };
    note = trimmed === '' ? null : trimmed;
  }
  return { ok: true, value: { reason: data.reason, note } };
}
