/**
 * A modal dialog (settings, 话术库, rule editor, checklist) is open: it owns the keyboard, so the
 * board's shortcuts and Esc handlers behind it leave keys alone.
 */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}
