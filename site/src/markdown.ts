/**
 * A small, safe Markdown renderer for article bodies: paragraphs, headings, lists, quotes,
 * bold, italic, inline code and http(s) links. It builds DOM nodes with `textContent`, never
 * HTML strings, so markup in the text stays text. Parsing is pure (tests/unit/site).
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'code'; text: string }
  | { type: 'link'; text: string; href: string };
export type Block =
  | { type: 'p' | 'blockquote'; inlines: Inline[] }
  | { type: 'h'; level: 2 | 3 | 4; inlines: Inline[] }
  | { type: 'ul' | 'ol'; items: Inline[][] };

const INLINE = /\*\*([^*]+)\*\*|__([^_]+)__|\*([^*]+)\*|_([^_]+)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInlines(text: string): Inline[] {
  const result: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) result.push({ type: 'text', text: text.slice(last, index) });
    if (match[1] ?? match[2]) result.push({ type: 'strong', text: (match[1] ?? match[2]) as string });
    else if (match[3] ?? match[4]) result.push({ type: 'em', text: (match[3] ?? match[4]) as string });
    else if (match[5]) result.push({ type: 'code', text: match[5] });
    else if (/^https?:\/\//i.test(match[7])) result.push({ type: 'link', text: match[6], href: match[7] });
    else result.push({ type: 'text', text: match[6] });
    last = index + match[0].length;
  }
  if (last < text.length) result.push({ type: 'text', text: text.slice(last) });
  return result;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      const level = Math.min(4, Math.max(2, heading[1].length + 1)) as 2 | 3 | 4;
      blocks.push({ type: 'h', level, inlines: parseInlines(heading[2]) });
    } else if (lines.every((line) => /^\s*[-*+]\s+/.test(line))) {
      blocks.push({ type: 'ul', items: lines.map((line) => parseInlines(line.replace(/^\s*[-*+]\s+/, ''))) });
    } else if (lines.every((line) => /^\s*[0-9۰-۹]+[.)]\s+/.test(line))) {
      blocks.push({ type: 'ol', items: lines.map((line) => parseInlines(line.replace(/^\s*[0-9۰-۹]+[.)]\s+/, ''))) });
    } else if (lines.every((line) => line.startsWith('>'))) {
      blocks.push({
        type: 'blockquote',
        inlines: parseInlines(lines.map((line) => line.replace(/^>\s?/, '')).join(' ')),
      });
    } else {
      blocks.push({ type: 'p', inlines: parseInlines(lines.join(' ')) });
    }
  }
  return blocks;
}

function inlineNodes(inlines: Inline[]): Node[] {
  return inlines.map((inline) => {
    if (inline.type === 'text') return document.createTextNode(inline.text);
    const element = document.createElement(inline.type === 'link' ? 'a' : inline.type);
    element.textContent = inline.text;
    if (inline.type === 'link') {
      (element as HTMLAnchorElement).href = inline.href;
      element.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    return element;
  });
}

export function renderMarkdown(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of parseMarkdown(source)) {
    if (block.type === 'ul' || block.type === 'ol') {
      const list = document.createElement(block.type);
      for (const item of block.items) {
        const li = document.createElement('li');
        li.append(...inlineNodes(item));
        list.append(li);
      }
      fragment.append(list);
      continue;
    }
    const element = document.createElement(block.type === 'h' ? `h${block.level}` : block.type);
    element.append(...inlineNodes((block as { inlines: Inline[] }).inlines));
    fragment.append(element);
  }
  return fragment;
}
