import { MESSAGES, message } from '../../../src/lib/messages';

describe('message', () => {
  it('writes numbers with Persian digits in Persian and ASCII digits in English', () => {
    const text = message('query_bad_pagination', { name: 'pageSize', min: 1, max: 100 });
    expect(text.fa).toContain('۱');
    expect(text.fa).toContain('۱۰۰');
    expect(text.fa).not.toMatch(/[0-9]/);
    expect(text.en).toBe('pagination[pageSize] must be a whole number between 1 and 100.');
  });

  it('groups large numbers the Persian way', () => {
    expect(message('comment_rate_limited', { seconds: 3600 }).fa).toContain('۳٬۶۰۰');
  });

  it.each([
    ['approved', 'تأییدشده'],
    ['rejected', 'ردشده'],
    ['pending', 'در انتظار بررسی'],
  ])('names the status %s in Persian words', (status, persian) => {
    const text = message('moderation_already_in_status', { status });
    expect(text.fa).toContain(persian);
    expect(text.fa).not.toContain(status);
    expect(text.en).toContain(status);
  });

  it('keeps names and codes a developer sent as they are', () => {
    expect(message('query_invalid_key', { key: 'ipHash', param: 'sort' }).fa).toContain('ipHash');
  });

  it('leaves a placeholder without a value visible rather than writing "undefined"', () => {
    expect(message('query_bad_sort').fa).toContain('{name}');
  });

  it('has a Persian and an English text for every code', () => {
    for (const [code, texts] of Object.entries(MESSAGES)) {
      expect([code, /[\u0600-\u06FF]/.test(texts.fa)]).toEqual([code, true]);
      expect([code, texts.en.trim().length > 0]).toEqual([code, true]);
    }
  });
});
