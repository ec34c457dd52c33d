/**
 * Puts text on the clipboard. The async Clipboard API works on 127.0.0.1 and in Electron; the
 * old execCommand path covers a page that lost focus or permission (it needs no permission).
 */
export async function copyText(text: string, host: HTMLElement = document.body): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the textarea path.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  // Inside the caller's dialog: a focus trap would pull focus (and the selection) back otherwise.
  host.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  previous?.focus();
  if (!ok) throw new Error('clipboard unavailable');
}
