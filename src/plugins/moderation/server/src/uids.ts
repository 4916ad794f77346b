/** The content types the moderation plugin owns or works on. */
export const COMMENT_UID = 'api::comment.comment';
export const ARTICLE_UID = 'api::article.article';
export const EVENT_UID = 'plugin::moderation.moderation-event';
export const SETTING_UID = 'plugin::moderation.moderation-setting';
