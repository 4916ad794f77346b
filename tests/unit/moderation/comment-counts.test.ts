import { foldCounterRows } from '../../../src/plugins/moderation/server/src/domain/comment-counts';

describe('foldCounterRows', () => {
  it('sums the statuses into total and keeps visible and screened-out apart', () => {
    const counts = foldCounterRows([
      { document_id: 'a', counter: 'pending', n: '3' },
      { document_id: 'a', counter: 'approved', n: '5' },
      { document_id: 'a', counter: 'rejected', n: 2 },
      { document_id: 'a', counter: 'visible', n: '4' },
      { document_id: 'a', counter: 'screened_out', n: '1' },
      { document_id: 'a', counter: 'visible_root', n: '3' },
      { document_id: 'b', counter: 'approved', n: '7' },
    ]);
    expect(counts.get('a')).toEqual({ total: 10, pending: 3, approved: 5, rejected: 2, visible: 4, screenedOut: 1 });
    expect(counts.get('b')).toEqual({ total: 7, pending: 0, approved: 7, rejected: 0, visible: 0, screenedOut: 0 });
  });

  it('adds nothing for an article without counters (a row of an outer join)', () => {
    const counts = foldCounterRows([{ document_id: 'c', counter: null, n: null }]);
    expect(counts.has('c')).toBe(false);
  });

  it('does not count visible_root as an article of its own', () => {
    expect(foldCounterRows([{ document_id: 'd', counter: 'visible_root', n: '2' }]).size).toBe(0);
  });
});
