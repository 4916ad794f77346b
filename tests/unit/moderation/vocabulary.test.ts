import { readFileSync } from 'node:fs';
import path from 'node:path';
import commentSchema from '../../../src/api/comment/content-types/comment/schema.json';
import eventSchema from '../../../src/plugins/moderation/server/src/content-types/moderation-event/schema.json';
import settingSchema from '../../../src/plugins/moderation/server/src/content-types/moderation-setting/schema.json';
import {
  AUTO_REJECT_FLAGS,
  autoRejectionReason,
  LIMITS,
  MODERATION_ACTION_LABELS,
  MODERATION_STATUS_LABELS,
  MODERATION_STATUSES,
  REASON_PRIORITY,
  REJECTION_REASON_LABELS,
  REJECTION_REASONS,
  SCREENING_FLAG_RULES,
  SCREENING_FLAGS,
  suggestedReason,
} from '../../../src/plugins/moderation/server/src/domain/vocabulary';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS, settingsToRow } from '../../../src/plugins/moderation/server/src/settings';

type Attributes = Record<string, Record<string, unknown>>;
const comment = commentSchema.attributes as Attributes;
const event = eventSchema.attributes as Attributes;
const setting = settingSchema.attributes as Attributes;

describe('the schemas hold the vocabulary', () => {
  it('a comment has the moderation statuses and rejection reasons, pending by default', () => {
    expect(comment.moderationStatus.enum).toEqual([...MODERATION_STATUSES]);
    expect(comment.moderationStatus.default).toBe('pending');
    expect(comment.rejectionReason.enum).toEqual([...REJECTION_REASONS]);
  });

  it('a moderation event has the same statuses and reasons', () => {
    expect(event.fromStatus.enum).toEqual([...MODERATION_STATUSES]);
    expect(event.toStatus.enum).toEqual([...MODERATION_STATUSES]);
    expect(event.reason.enum).toEqual([...REJECTION_REASONS]);
  });

  it('the comment columns hold what the limits let through', () => {
    expect(comment.body.minLength).toBe(LIMITS.commentBodyMin);
    expect(comment.body.maxLength).toBe(LIMITS.commentBodyStoredMax);
    expect(comment.authorName.maxLength).toBe(LIMITS.authorNameStoredMax);
    expect(comment.authorEmail.maxLength).toBe(LIMITS.authorEmailMax);
    expect(comment.moderationNote.maxLength).toBe(LIMITS.moderationNoteMax);
    expect(LIMITS.commentBodyMax).toBeLessThanOrEqual(LIMITS.commentBodyStoredMax);
    expect(LIMITS.authorNameMax).toBeLessThanOrEqual(LIMITS.authorNameStoredMax);
  });

  it('the settings have one automatic-rejection switch per auto-reject flag, and nothing else', () => {
    const switches = Object.keys(setting).filter((name) => name.startsWith('autoReject'));
    const row = settingsToRow(DEFAULT_SETTINGS);
    expect(Object.keys(row).every((column) => column in setting)).toBe(true);
    expect(switches.sort()).toEqual(
      Object.keys(row)
        .filter((name) => name.startsWith('autoReject'))
        .sort(),
    );
    expect(switches).toHaveLength(AUTO_REJECT_FLAGS.length);
    expect(Object.keys(DEFAULT_SETTINGS.autoReject).sort()).toEqual([...AUTO_REJECT_FLAGS].sort());
  });

  it('the settings columns have the limits and defaults of the settings API', () => {
    const expected: [string, number, number][] = [
      ['maxLinks', SETTINGS_LIMITS.maxLinks, DEFAULT_SETTINGS.maxLinks],
      ['duplicateWindowMinutes', SETTINGS_LIMITS.duplicateWindowMinutes, DEFAULT_SETTINGS.duplicateWindowMinutes],
      ['rateLimitPerMinute', SETTINGS_LIMITS.perMinute, DEFAULT_SETTINGS.rateLimit.perMinute],
      ['rateLimitPerHour', SETTINGS_LIMITS.perHour, DEFAULT_SETTINGS.rateLimit.perHour],
    ];
    for (const [column, max, fallback] of expected) {
      expect([column, setting[column].min, setting[column].max, setting[column].default]).toEqual([
        column,
        0,
        max,
        fallback,
      ]);
    }
    expect(setting.relevanceThreshold.default).toBe(DEFAULT_SETTINGS.relevanceThreshold);
    // The word list is stored one term a line.
    expect(setting.blocklist.maxLength).toBeGreaterThanOrEqual(
      SETTINGS_LIMITS.blocklistTerms * (SETTINGS_LIMITS.termLength + 1),
    );
  });
});

describe('the vocabulary tables', () => {
  const persian = /[\u0600-\u06FF]/;
  const labels = {
    ...Object.fromEntries(Object.entries(MODERATION_STATUS_LABELS).map(([k, v]) => [`status ${k}`, v])),
    ...Object.fromEntries(Object.entries(REJECTION_REASON_LABELS).map(([k, v]) => [`reason ${k}`, v])),
    ...Object.fromEntries(Object.entries(MODERATION_ACTION_LABELS).map(([k, v]) => [`action ${k}`, v])),
    ...Object.fromEntries(Object.entries(SCREENING_FLAG_RULES).map(([k, v]) => [`flag ${k}`, v.label])),
  };

  it.each(Object.entries(labels))('%s has a Persian and an English label', (_name, label) => {
    expect(label.fa).toMatch(persian);
    expect(label.en.trim()).not.toBe('');
    expect(label.en).not.toMatch(persian);
  });

  it('ranks every rejection reason exactly once', () => {
    expect([...REASON_PRIORITY].sort()).toEqual([...REJECTION_REASONS].sort());
  });

  it('maps each flag to a known reason and a known auto-reject switch', () => {
    for (const flag of SCREENING_FLAGS) {
      const rule = SCREENING_FLAG_RULES[flag];
      if (rule.reason !== null) expect(REJECTION_REASONS).toContain(rule.reason);
      if (rule.autoReject !== null) expect(AUTO_REJECT_FLAGS).toContain(rule.autoReject);
    }
    expect(AUTO_REJECT_FLAGS).toEqual(['not_persian', 'blocklisted', 'off_topic', 'spam']);
  });

  it('suggests the strongest reason among the raised flags', () => {
    expect(suggestedReason([])).toBeNull();
    expect(suggestedReason(['copied_text'])).toBeNull();
    expect(suggestedReason(['not_persian', 'too_many_links'])).toBe('spam');
    expect(suggestedReason(['off_topic', 'blocklisted', 'spam'])).toBe('slander');
    expect(suggestedReason(['bidi_control', 'off_topic'])).toBe('off_topic');
  });

  it('rejects automatically only through a switched-on flag, never for copied text', () => {
    const all = { not_persian: true, blocklisted: true, off_topic: true, spam: true };
    expect(autoRejectionReason(['copied_text', 'bidi_control'], all)).toBeNull();
    expect(autoRejectionReason(['too_many_links'], { ...all, spam: false })).toBeNull();
    expect(autoRejectionReason(['too_many_links', 'not_persian'], all)).toBe('spam');
    expect(autoRejectionReason(['unknown_flag'], all)).toBeNull();
  });
});

describe('the README names the same words', () => {
  const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');

  const codesIn = (text: string) => [...text.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]);

  it('lists every screening flag in order, and the suggested reasons strongest first', () => {
    const flags = readme.match(/^Flags: ([\s\S]*?)\. Suggested reason, in order: ([\s\S]*?)\.\n/m);
    expect(flags).not.toBeNull();
    expect(codesIn((flags as RegExpMatchArray)[1])).toEqual([...SCREENING_FLAGS]);
    expect(codesIn((flags as RegExpMatchArray)[2])).toEqual([...REASON_PRIORITY]);
  });

  it('lists every rejection reason of a comment', () => {
    const reasons = readme.match(/`rejectionReason`\s*\(([^)]*)\)/);
    expect(reasons).not.toBeNull();
    expect(codesIn((reasons as RegExpMatchArray)[1])).toEqual([...REJECTION_REASONS]);
  });
});
