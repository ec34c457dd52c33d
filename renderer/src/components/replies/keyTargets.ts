/** Where a key press must be left alone by the reply shortcuts. */

/** Text entry: the user is typing, so Alt+1 or Enter belong to the field. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'color', 'submit', 'reset'].includes(target.type);
}

/** Controls that act on Enter / Esc themselves (a focused button, a link, a disclosure). */
export function handlesEnter(target: EventTarget | null): boolean {
  return (
    isTextEntry(target) ||
    (target instanceof HTMLElement && target.closest('button, a[href], summary, [role="button"]') !== null)
  );
}
