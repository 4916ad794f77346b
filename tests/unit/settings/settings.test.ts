import {
  applySettingsUpdate,
  autoRejection,
  DEFAULT_SETTINGS,
  settingsFromRow,
  settingsToRow,
} from '../../../src/plugins/moderation/server/src/settings';

describe('applySettingsUpdate', () => {
  it('applies a partial update and leaves the rest', () => {
    const result = applySettingsUpdate(DEFAULT_SETTINGS, { maxLinks: 4, autoReject: { spam: true } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.maxLinks).toBe(4);
    expect(result.value.autoReject).toEqual({ ...DEFAULT_SETTINGS.autoReject, spam: true });
    expect(result.value.blocklist).toEqual(DEFAULT_SETTINGS.blocklist);
  });

  it('trims and de-duplicates the word list', () => {
    const result = applySettingsUpdate(DEFAULT_SETTINGS, { blocklist: [' دزد ', 'دزد', 'مزدور'] });
    expect(result.ok && result.value.blocklist).toEqual(['دزد', 'مزدور']);
  });

  it('does not change the current settings object', () => {
    const current = structuredClone(DEFAULT_SETTINGS);
    applySettingsUpdate(current, { maxLinks: 9, rateLimit: { perMinute: 1 } });
    expect(current).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [null],
    [[]],
    ['text'],
    [{ maxLinks: -1 }],
    [{ maxLinks: 101 }],
    [{ relevanceThreshold: Number.NaN }],
    [{ duplicateWindowMinutes: 1.5 }],
    [{ blocklist: [1] }],
    [{ blocklist: ['ب'.repeat(101)] }],
    [{ autoReject: { approve: true } }],
    [{ rateLimit: { perDay: 3 } }],
    [{ rateLimit: 5 }],
    [{ surprise: true }],
  ])('refuses %j with a message in both languages', (update) => {
    const result = applySettingsUpdate(DEFAULT_SETTINGS, update);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message.en).toEqual(expect.any(String));
    expect(result.errors[0].message.fa).toEqual(expect.any(String));
  });
});

describe('settings rows', () => {
  it('round-trips through the single type row', () => {
    const settings = { ...structuredClone(DEFAULT_SETTINGS), maxLinks: 7, blocklist: ['الف', 'ب ج'] };
    expect(settingsFromRow(settingsToRow(settings))).toEqual(settings);
  });

  it('reads the word list one term a line, ignoring blank lines', () => {
    expect(settingsFromRow({ blocklist: 'دزد\r\n\n  مزدور  \n' }).blocklist).toEqual(['دزد', 'مزدور']);
  });

  it('falls back to the defaults for a missing row or empty columns', () => {
    expect(settingsFromRow(null)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromRow({ relevanceThreshold: '0.2' }).relevanceThreshold).toBe(0.2);
  });
});

describe('autoRejection', () => {
  const off = DEFAULT_SETTINGS.autoReject;
  it('rejects nothing by default', () => {
    expect(autoRejection(['blocklisted', 'spam', 'not_persian', 'off_topic'], off)).toBeNull();
  });

  it('never rejects a copy of another reader’s text, even with spam rejection on', () => {
    const all = { not_persian: true, blocklisted: true, off_topic: true, spam: true };
    expect(autoRejection(['copied_text'], all)).toBeNull();
  });

  it('rejects with the reason of the first enabled flag, slander first', () => {
    const all = { not_persian: true, blocklisted: true, off_topic: true, spam: true };
    expect(autoRejection(['not_persian', 'blocklisted'], all)).toBe('slander');
    expect(autoRejection(['duplicate'], { ...off, spam: true })).toBe('spam');
    expect(autoRejection(['off_topic'], { ...off, off_topic: true })).toBe('off_topic');
    expect(autoRejection(['not_persian'], { ...off, off_topic: true })).toBeNull();
  });

  it('never rejects a comment without flags', () => {
    expect(autoRejection([], { not_persian: true, blocklisted: true, off_topic: true, spam: true })).toBeNull();
  });
});

describe("the readers' side settings", () => {
  it('are off by default', () => {
    expect(DEFAULT_SETTINGS.closeCommentsAfterDays).toBeNull();
    expect(DEFAULT_SETTINGS.reportThreshold).toBeNull();
  });

  it('take whole numbers in range, or null, and survive the row round trip', () => {
    const result = applySettingsUpdate(DEFAULT_SETTINGS, { closeCommentsAfterDays: 30, reportThreshold: 5 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(settingsFromRow(settingsToRow(result.value))).toEqual(result.value);
    const cleared = applySettingsUpdate(result.value, { closeCommentsAfterDays: null, reportThreshold: null });
    expect(cleared.ok && [cleared.value.closeCommentsAfterDays, cleared.value.reportThreshold]).toEqual([null, null]);
  });

  it.each([
    [{ closeCommentsAfterDays: 0 }],
    [{ closeCommentsAfterDays: 3651 }],
    [{ closeCommentsAfterDays: 1.5 }],
    [{ reportThreshold: 0 }],
    [{ reportThreshold: 1001 }],
    [{ reportThreshold: '5' }],
  ])('refuses %j', (update) => {
    const result = applySettingsUpdate(DEFAULT_SETTINGS, update);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].path).toBe(Object.keys(update)[0]);
    expect(result.errors[0].message.fa).toMatch(/[\u0600-\u06FF]/);
  });
});
