import moderationEvent from './moderation-event';
import moderationSetting from './moderation-setting';

export default {
  'moderation-event': moderationEvent,
  'moderation-setting': moderationSetting,
};
