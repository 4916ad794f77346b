import { message } from '../../src/lib/messages';
import {
  COMMENT_LIMITS,
  parseCommentInput,
  visibleLength,
} from '../../src/plugins/moderation/server/src/domain/comment-input';
import { type Article, approvedComments, findArticle, latestArticles, type PublicComment, submitComment } from './api';
import { type CommentStats, countsLine, formatDateTime, formatNumber, type Lang } from './format';
import { renderMarkdown } from './markdown';
import { articleSegment } from './slug';
import { STRINGS } from './strings';

/**
 * The reference site: a Persian news front page and article pages on the public REST API,
 * with plain fetch and DOM calls. Everything a reader or editor wrote is put in the page with
 * `textContent` (or the Markdown renderer, which does the same): never as HTML.
 */
type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

type Route = { lang: Lang; page: 'home' } | { lang: Lang; page: 'article'; segment: string };

export function routeOf(pathname: string): Route | null {
  const match = /^\/(?:(en)\/?)?(?:articles\/([^/]+)\/?)?$/.exec(pathname);
  if (!match) return null;
  const lang: Lang = match[1] === 'en' ? 'en' : 'fa';
  if (!match[2]) return { lang, page: 'home' };
  return { lang, page: 'article', segment: decodeURIComponent(match[2]) };
}

const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
const articleHref = (article: Pick<Article, 'documentId' | 'title' | 'slug'>, lang: Lang) =>
  `${prefix(lang)}/articles/${encodeURIComponent(articleSegment(article))}`;

function shell(lang: Lang, switchHref: string, main: HTMLElement) {
  const t = STRINGS[lang];
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'fa' ? 'rtl' : 'ltr';
  const header = el(
    'header',
    { class: 'site-header' },
    el('a', { class: 'skip', href: '#main' }, t.skip),
    el('a', { class: 'brand', href: `${prefix(lang)}/` }, t.siteName),
    el(
      'nav',
      { 'aria-label': lang === 'fa' ? 'زبان' : 'Language' },
      el('a', { class: 'switch', href: switchHref, lang: t.switchLang, hreflang: t.switchLang }, t.switchLabel),
    ),
  );
  main.id = 'main';
  main.tabIndex = -1;
  document.body.replaceChildren(header, main);
}

function countsElement(stats: CommentStats, lang: Lang) {
  return el('p', { class: 'counts', 'data-testid': 'counts' }, countsLine(stats, lang));
}

async function renderHome(lang: Lang) {
  const t = STRINGS[lang];
  document.title = `${t.siteName} — ${t.tagline}`;
  const main = el('main', {}, el('h1', {}, t.latest));
  shell(lang, lang === 'fa' ? '/en' : '/', main);
  let articles: Article[];
  try {
    articles = await latestArticles(lang);
  } catch {
    main.append(el('p', { role: 'alert' }, t.loadFailed));
    return;
  }
  if (articles.length === 0) main.append(el('p', {}, t.noArticles));
  const list = el('ul', { class: 'cards' });
  for (const article of articles) {
    list.append(
      el(
        'li',
        { class: 'card' },
        el('h2', {}, el('a', { href: articleHref(article, lang) }, article.title)),
        el(
          'p',
          { class: 'meta' },
          article.source?.name ? `${t.via} ${article.source.name}` : null,
          article.source?.name ? ' · ' : null,
          el('time', { datetime: article.publishedAt }, formatDateTime(article.publishedAt, lang)),
        ),
        article.lead ? el('p', { class: 'lead' }, article.lead) : null,
        countsElement(article.commentStats, lang),
      ),
    );
  }
  main.append(list);
}

/** Agree and disagree counts, read-only (reacting is POST /api/comments/:id/reactions). */
function reactionsLine(reactions: PublicComment['reactions'], lang: Lang) {
  const number = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US');
  const { agree = 0, disagree = 0 } = reactions ?? {};
  return el('p', { class: 'reactions' }, `👍 ${number.format(agree)} · 👎 ${number.format(disagree)}`);
}

function commentItem(comment: PublicComment, lang: Lang): HTMLElement {
  const item = el(
    'li',
    { class: 'comment' },
    el(
      'p',
      { class: 'comment-meta' },
      // Isolated: a Persian name in an English page (or the other way) keeps its own direction.
      el('bdi', { class: 'author' }, comment.authorName),
      ' · ',
      el('time', { datetime: comment.createdAt }, formatDateTime(comment.createdAt, lang)),
    ),
    el('p', { class: 'comment-body', dir: 'auto' }, comment.body),
    reactionsLine(comment.reactions, lang),
  );
  if (comment.replies && comment.replies.length > 0) {
    item.append(el('ol', { class: 'replies' }, ...comment.replies.map((reply) => commentItem(reply, lang))));
  }
  return item;
}

function commentForm(article: Article, lang: Lang, onSent: () => void) {
  const t = STRINGS[lang];
  const status = el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const field = (name: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: HTMLElement) => {
    control.id = `comment-${name}`;
    control.name = name;
    const error = el('p', { class: 'field-error', id: `comment-${name}-error` });
    control.setAttribute('aria-describedby', [hint?.id, error.id].filter(Boolean).join(' '));
    return {
      wrapper: el('div', { class: 'field' }, el('label', { for: control.id }, label), control, hint, error),
      error,
    };
  };
  const nameInput = el('input', {
    type: 'text',
    autocomplete: 'name',
    required: '',
    maxlength: String(COMMENT_LIMITS.nameMax),
  });
  const emailInput = el('input', { type: 'email', autocomplete: 'email', dir: 'ltr' });
  const bodyInput = el('textarea', { rows: '6', required: '' });
  const counter = el('p', { class: 'hint', id: 'comment-body-count' });
  const updateCounter = () => {
    counter.textContent = t.charCount(
      formatNumber(visibleLength(bodyInput.value.trim()), lang),
      formatNumber(COMMENT_LIMITS.bodyMax, lang),
    );
  };
  bodyInput.addEventListener('input', updateCounter);
  updateCounter();
  const fields = {
    authorName: field('authorName', t.name, nameInput),
    authorEmail: field('authorEmail', t.email, emailInput),
    body: field('body', t.body, bodyInput, counter),
  };
  // The honeypot: hidden from people (and from assistive technology), filled by bots.
  const honeypot = el('input', {
    type: 'text',
    name: 'website',
    tabindex: '-1',
    autocomplete: 'off',
    id: 'comment-website',
  });
  const trap = el(
    'div',
    { class: 'trap', 'aria-hidden': 'true' },
    el('label', { for: 'comment-website' }, t.honeypot),
    honeypot,
  );
  const button = el('button', { type: 'submit' }, t.send);
  const form = el(
    'form',
    { class: 'comment-form', novalidate: '', 'aria-labelledby': 'comment-form-title' },
    fields.authorName.wrapper,
    fields.authorEmail.wrapper,
    fields.body.wrapper,
    trap,
    button,
    status,
  );

  const showErrors = (errors: Record<string, string>) => {
    let first: HTMLElement | null = null;
    for (const [name, { error }] of Object.entries(fields)) {
      const control = document.getElementById(`comment-${name}`) as HTMLElement;
      error.textContent = errors[name] ?? '';
      if (errors[name]) {
        control.setAttribute('aria-invalid', 'true');
        first ??= control;
      } else control.removeAttribute('aria-invalid');
    }
    first?.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    status.className = 'form-status';
    const data = {
      article: article.documentId,
      authorName: nameInput.value,
      authorEmail: emailInput.value,
      body: bodyInput.value,
      website: honeypot.value,
    };
    // The server's own rules and messages (src/plugins/moderation/server/src/domain/comment-input.ts), checked here first.
    const checked = parseCommentInput({ data });
    if (!checked.ok) {
      showErrors(Object.fromEntries(checked.errors.map((error) => [error.field, message(error.code)[lang]])));
      return;
    }
    showErrors({});
    button.disabled = true;
    button.textContent = t.sending;
    try {
      const result = await submitComment(data);
      if (result.ok) {
        form.reset();
        updateCounter();
        status.textContent = t.sent;
        status.className = 'form-status success';
        onSent();
      } else {
        const fieldErrors = Object.fromEntries(
          Object.entries(result.error.fields).map(([name, text]) => [name, text[lang]]),
        );
        showErrors(fieldErrors);
        status.textContent = result.error.messages?.[lang] ?? t.networkError;
        status.className = 'form-status failure';
        status.setAttribute('role', 'alert');
      }
    } catch {
      status.textContent = t.networkError;
      status.className = 'form-status failure';
    } finally {
      button.disabled = false;
      button.textContent = t.send;
    }
  });
  return form;
}

async function renderArticle(lang: Lang, segment: string) {
  const t = STRINGS[lang];
  const main = el('main', {});
  shell(
    lang,
    lang === 'fa' ? `/en/articles/${encodeURIComponent(segment)}` : `/articles/${encodeURIComponent(segment)}`,
    main,
  );
  let article: Article | null;
  try {
    article = await findArticle(segment, lang);
  } catch {
    main.append(el('p', { role: 'alert' }, t.loadFailed));
    return;
  }
  if (!article) {
    document.title = `${t.notFound} — ${t.siteName}`;
    main.append(el('h1', {}, t.notFound), el('p', {}, el('a', { href: `${prefix(lang)}/` }, t.back)));
    return;
  }
  document.title = `${article.title} — ${t.siteName}`;
  // The language switch leads to the same document in the other language.
  const otherLang: Lang = lang === 'fa' ? 'en' : 'fa';
  document.querySelector('a.switch')?.setAttribute('href', `${prefix(otherLang)}/articles/${article.documentId}`);
  const stats = { ...article.commentStats };
  const counts = countsElement(stats, lang);
  const articleElement = el(
    'article',
    {},
    el('h1', {}, article.title),
    el(
      'p',
      { class: 'meta' },
      article.source?.name
        ? el('span', { class: 'attribution' }, `${t.via} `, el('bdi', {}, article.source.name))
        : null,
      article.source?.name ? ' · ' : null,
      el('time', { datetime: article.publishedAt }, formatDateTime(article.publishedAt, lang)),
    ),
    article.lead ? el('p', { class: 'lead' }, article.lead) : null,
    article.cover?.url
      ? el('img', {
          class: 'cover',
          src: article.cover.url,
          alt: article.cover.alternativeText || t.cover,
          ...(article.cover.width ? { width: String(article.cover.width) } : {}),
          ...(article.cover.height ? { height: String(article.cover.height) } : {}),
        })
      : null,
    el('div', { class: 'body' }, renderMarkdown(article.body ?? '')),
  );
  const list = el('ol', { class: 'comments' });
  const section = el(
    'section',
    { class: 'discussion', 'aria-labelledby': 'comments-title' },
    el('h2', { id: 'comments-title' }, t.comments),
    counts,
    list,
  );
  main.append(articleElement, section);

  const comments = await approvedComments(article.documentId).catch(() => [] as PublicComment[]);
  if (comments.length === 0) list.replaceWith(el('p', { class: 'no-comments' }, t.noComments));
  else list.append(...comments.map((comment) => commentItem(comment, lang)));

  if (article.commentsOpen === false || article.commentsEnabled === false) {
    section.append(el('p', { class: 'closed' }, t.closed));
    return;
  }
  section.append(
    el('h2', { id: 'comment-form-title' }, t.formTitle),
    el('ul', { class: 'policy' }, ...t.policy.map((line) => el('li', {}, line))),
    commentForm(article, lang, () => {
      // The comment waits for review: it is counted at once, but not shown.
      stats.total += 1;
      stats.pending += 1;
      counts.textContent = countsLine(stats, lang);
    }),
  );
}

async function start() {
  const route = routeOf(location.pathname);
  if (!route) return;
  if (route.page === 'home') await renderHome(route.lang);
  else await renderArticle(route.lang, route.segment);
  document.body.dataset.ready = 'true';
}

void start();
