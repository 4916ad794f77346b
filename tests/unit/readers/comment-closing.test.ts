import { commentsOpen, commentsOpenChangesAt } from '../../../src/plugins/moderation/server/src/domain/comment-closing';

const NOW = new Date('2026-11-30T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const ahead = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('commentsOpen', () => {
  it('is open by default: no switch off, no date, no site-wide age', () => {
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: null, publishedAt: ago(5000) }, null, NOW)).toBe(
      true,
    );
    expect(commentsOpen({ commentsEnabled: null, commentsCloseAt: undefined, publishedAt: null }, null, NOW)).toBe(
      true,
    );
  });

  it("closes when the article's switch is off, whatever its date says", () => {
    expect(commentsOpen({ commentsEnabled: false, commentsCloseAt: ahead(DAY), publishedAt: ago(0) }, null, NOW)).toBe(
      false,
    );
  });

  it("closes from the article's own close date on, to the millisecond", () => {
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: ahead(1), publishedAt: ago(1) }, null, NOW)).toBe(
      true,
    );
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: ahead(0), publishedAt: ago(1) }, null, NOW)).toBe(
      false,
    );
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: ago(1), publishedAt: ago(2) }, 365, NOW)).toBe(false);
  });

  it("lets the article's own date override the site-wide age", () => {
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: ahead(DAY), publishedAt: ago(40) }, 30, NOW)).toBe(
      true,
    );
  });

  it('closes articles published closeCommentsAfterDays ago or more', () => {
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: null, publishedAt: ago(29.99) }, 30, NOW)).toBe(true);
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: null, publishedAt: ago(30) }, 30, NOW)).toBe(false);
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: null, publishedAt: ago(400) }, 30, NOW)).toBe(false);
  });

  it('reads Date objects as well as strings, and ignores an unreadable date', () => {
    expect(
      commentsOpen(
        { commentsEnabled: true, commentsCloseAt: new Date(NOW.getTime() - 1), publishedAt: null },
        null,
        NOW,
      ),
    ).toBe(false);
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: 'not a date', publishedAt: ago(1) }, null, NOW)).toBe(
      true,
    );
    expect(commentsOpen({ commentsEnabled: true, commentsCloseAt: '', publishedAt: ago(100) }, 30, NOW)).toBe(false);
  });
});

describe('when an article opens or closes by the clock alone', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const day = 24 * 60 * 60 * 1000;

  it('is its own close date when still ahead, else the end of the site-wide age', () => {
    const closeAt = new Date(now.getTime() + 1000);
    expect(commentsOpenChangesAt({ commentsEnabled: true, commentsCloseAt: closeAt, publishedAt: now }, 3, now)).toBe(
      closeAt.getTime(),
    );
    const publishedAt = new Date(now.getTime() - day);
    expect(commentsOpenChangesAt({ commentsEnabled: null, commentsCloseAt: null, publishedAt }, 3, now)).toBe(
      publishedAt.getTime() + 3 * day,
    );
  });

  it('is never for a switched-off article, a passed moment, or no rule', () => {
    const past = new Date(now.getTime() - 1000);
    expect(commentsOpenChangesAt({ commentsEnabled: false, commentsCloseAt: null, publishedAt: now }, 3, now)).toBe(
      null,
    );
    expect(commentsOpenChangesAt({ commentsEnabled: true, commentsCloseAt: past, publishedAt: now }, null, now)).toBe(
      null,
    );
    expect(commentsOpenChangesAt({ commentsEnabled: true, commentsCloseAt: null, publishedAt: now }, null, now)).toBe(
      null,
    );
    const old = new Date(now.getTime() - 10 * day);
    expect(commentsOpenChangesAt({ commentsEnabled: true, commentsCloseAt: null, publishedAt: old }, 3, now)).toBe(
      null,
    );
  });
});
