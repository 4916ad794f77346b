import {
  MODERATION_ACTIONS,
  MODERATION_STATUSES,
  type ModerationAction,
  type ModerationStatus,
  REJECTION_REASONS,
} from '../../../src/plugins/moderation/server/src/domain/statuses';
import {
  ACTION_TARGET,
  actionFor,
  isScreeningRejection,
  planTransition,
  SCREENING_ACTOR_LABEL,
} from '../../../src/plugins/moderation/server/src/domain/transitions';

/** The whole state machine, written out by hand: from × action → the status it leads to, or a conflict. */
const EXPECTED: Record<ModerationStatus, Record<ModerationAction, ModerationStatus | 'conflict'>> = {
  pending: { approve: 'approved', reject: 'rejected', reopen: 'conflict' },
  approved: { approve: 'conflict', reject: 'rejected', reopen: 'pending' },
  rejected: { approve: 'approved', reject: 'conflict', reopen: 'pending' },
};

const pairs = MODERATION_STATUSES.flatMap((from) => MODERATION_ACTIONS.map((action) => [from, action] as const));

describe('planTransition over every status × action', () => {
  it('covers nine pairs', () => {
    expect(pairs).toHaveLength(9);
  });

  it.each(pairs)('%s --%s--> as the state machine says', (from, action) => {
    const expected = EXPECTED[from][action];
    const reason = action === 'reject' ? 'spam' : undefined;
    const plan = planTransition(from, action, reason);
    if (expected === 'conflict') {
      expect(plan).toEqual({ ok: false, error: 'already_in_status', from });
    } else {
      expect(plan).toEqual({
        ok: true,
        from,
        to: expected,
        rejectionReason: action === 'reject' ? 'spam' : null,
      });
    }
  });

  it.each(pairs)(
    '%s --%s--> leads where ACTION_TARGET says, or is a conflict when it would not move',
    (from, action) => {
      const plan = planTransition(from, action, action === 'reject' ? 'other' : undefined);
      if (from === ACTION_TARGET[action]) expect(plan.ok).toBe(false);
      else expect(plan).toMatchObject({ ok: true, to: ACTION_TARGET[action] });
    },
  );
});

describe('rejection reasons', () => {
  it.each(REJECTION_REASONS)('accepts the reason %p and records it', (reason) => {
    for (const from of ['pending', 'approved'] as const) {
      expect(planTransition(from, 'reject', reason)).toEqual({
        ok: true,
        from,
        to: 'rejected',
        rejectionReason: reason,
      });
    }
  });

  it.each([undefined, null, '', 'rude', 'SPAM', ' spam', 42, {}, ['spam']])(
    'refuses a rejection with the reason %p',
    (reason) => {
      for (const from of ['pending', 'approved'] as const) {
        expect(planTransition(from, 'reject', reason)).toEqual({ ok: false, error: 'reason_required', from });
      }
    },
  );

  it('reports a conflict before a missing reason when the comment is already rejected', () => {
    expect(planTransition('rejected', 'reject')).toEqual({ ok: false, error: 'already_in_status', from: 'rejected' });
    expect(planTransition('rejected', 'reject', 'bogus')).toEqual({
      ok: false,
      error: 'already_in_status',
      from: 'rejected',
    });
  });

  it.each([
    ['pending', 'approve'],
    ['rejected', 'approve'],
    ['approved', 'reopen'],
    ['rejected', 'reopen'],
  ] as const)('refuses a reason on %s --%s-->', (from, action) => {
    for (const reason of ['spam', 'anything', 0, false]) {
      expect(planTransition(from, action, reason)).toEqual({ ok: false, error: 'reason_not_allowed', from });
    }
  });

  it.each([undefined, null, ''])('treats %p as no reason for approve and reopen', (reason) => {
    expect(planTransition('pending', 'approve', reason)).toEqual({
      ok: true,
      from: 'pending',
      to: 'approved',
      rejectionReason: null,
    });
    expect(planTransition('approved', 'reopen', reason)).toEqual({
      ok: true,
      from: 'approved',
      to: 'pending',
      rejectionReason: null,
    });
  });
});

describe('actionFor', () => {
  it.each([
    ['approved', 'approve'],
    ['rejected', 'reject'],
    ['pending', 'reopen'],
  ] as const)('maps the target status %p to the action %p', (to, action) => {
    expect(actionFor(to)).toBe(action);
  });

  it.each(MODERATION_STATUSES)('is the inverse of ACTION_TARGET for %p', (status) => {
    expect(ACTION_TARGET[actionFor(status)]).toBe(status);
  });

  it.each(MODERATION_STATUSES)(
    'from %p, actionFor(target) reaches every other target and conflicts on its own',
    (from) => {
      for (const to of MODERATION_STATUSES) {
        const plan = planTransition(from, actionFor(to), to === 'rejected' ? 'off_topic' : undefined);
        if (from === to) expect(plan).toMatchObject({ ok: false, error: 'already_in_status' });
        else expect(plan).toMatchObject({ ok: true, from, to });
      }
    },
  );
});

describe('isScreeningRejection', () => {
  const screening = { id: null, label: SCREENING_ACTOR_LABEL };

  it('is a rejection by screening, no one else', () => {
    expect(isScreeningRejection('rejected', screening)).toBe(true);
    expect(isScreeningRejection('rejected', { id: 7, label: 'مریم احمدی' })).toBe(false);
    expect(isScreeningRejection('rejected', { id: null, label: 'system' })).toBe(false);
    // A person whose display name happens to be the label is still a person.
    expect(isScreeningRejection('rejected', { id: 7, label: SCREENING_ACTOR_LABEL })).toBe(false);
  });

  it.each(['pending', 'approved'] as const)('is never a move to %s', (to) => {
    expect(isScreeningRejection(to, screening)).toBe(false);
  });
});
