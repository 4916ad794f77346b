/**
 * The desk's keyboard: which command a key press means. Pure, so the table the page shows and
 * the handler it runs cannot disagree (tests/unit/moderation/desk-keys.test.ts).
 */
export type DeskCommand =
  | 'approve'
  | 'reject'
  | 'reopen'
  | 'next'
  | 'previous'
  | 'select'
  | 'approveSelected'
  | 'rejectSelected'
  | 'search';

/** The shortcuts as the page lists them: keys shown, and the command they run. */
export const SHORTCUTS: readonly { keys: readonly string[]; command: DeskCommand }[] = [
  { keys: ['a'], command: 'approve' },
  { keys: ['r'], command: 'reject' },
  { keys: ['o'], command: 'reopen' },
  { keys: ['j', '↓'], command: 'next' },
  { keys: ['k', '↑'], command: 'previous' },
  { keys: ['x'], command: 'select' },
  { keys: ['A'], command: 'approveSelected' },
  { keys: ['R'], command: 'rejectSelected' },
  { keys: ['/'], command: 'search' },
];

/**
 * Persian keyboards put other letters on the same keys: a moderator typing in Persian layout
 * presses ش for a, ق for r, خ for o, ت for j, ن for k, ط for x. Both work.
 */
const PERSIAN_LAYOUT: Readonly<Record<string, string>> = { ش: 'a', ق: 'r', خ: 'o', ت: 'j', ن: 'k', ط: 'x' };

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The command of a key press, or null when the key means nothing to the desk. */
export function commandOf(press: KeyPress): DeskCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'ArrowDown') return 'next';
  if (press.key === 'ArrowUp') return 'previous';
  if (press.key === '/') return 'search';
  const key = PERSIAN_LAYOUT[press.key] ?? press.key;
  if (key === 'A') return 'approveSelected';
  if (key === 'R') return 'rejectSelected';
  switch (key) {
    case 'a':
      return 'approve';
    case 'r':
      return 'reject';
    case 'o':
      return 'reopen';
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'x':
      return 'select';
    default:
      return null;
  }
}

/** Whether a key press comes from a place where typing means text (a field, a dialog). */
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean; closest?: (s: string) => unknown } | null;
  if (!element?.tagName) return false;
  if (element.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)) return true;
  return Boolean(element.closest?.('[role="dialog"], [role="alertdialog"], [role="listbox"]'));
}
