import { commentFormIssue } from '../../../src/plugins/moderation/server/src/domain/comment-form';

const pending = { moderationStatus: 'pending', rejectionReason: null, moderationNote: null };

describe('commentFormIssue', () => {
  it('asks for a reason when the status changes to rejected without one', () => {
    for (const rejectionReason of [null, '', undefined, 'rude']) {
      expect(commentFormIssue({ ...pending, moderationStatus: 'rejected', rejectionReason }, pending)).toEqual({
        field: 'rejectionReason',
        code: 'moderation_reason_required',
      });
    }
  });

  it('lets a rejection with a reason, an approval and a reopening through', () => {
    expect(commentFormIssue({ ...pending, moderationStatus: 'rejected', rejectionReason: 'spam' }, pending)).toBeNull();
    expect(commentFormIssue({ ...pending, moderationStatus: 'approved' }, pending)).toBeNull();
    const rejected = { moderationStatus: 'rejected', rejectionReason: 'spam', moderationNote: 'x' };
    expect(commentFormIssue({ ...rejected, moderationStatus: 'pending' }, rejected)).toBeNull();
  });

  it('refuses a reason or a note changed without a status change, naming the field', () => {
    const rejected = { moderationStatus: 'rejected', rejectionReason: 'spam', moderationNote: null };
    expect(commentFormIssue({ ...rejected, rejectionReason: 'slander' }, rejected)).toEqual({
      field: 'rejectionReason',
      code: 'moderation_fields_need_transition',
    });
    expect(commentFormIssue({ ...rejected, moderationNote: 'یادداشت' }, rejected)).toEqual({
      field: 'moderationNote',
      code: 'moderation_fields_need_transition',
    });
  });

  it('treats an emptied note or reason like an empty one', () => {
    expect(commentFormIssue({ ...pending, moderationNote: '  ' }, pending)).toBeNull();
    expect(commentFormIssue({ ...pending, rejectionReason: '' }, pending)).toBeNull();
  });
});
