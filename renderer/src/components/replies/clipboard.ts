/**
 * Puts text on the clipboard: the async Clipboard API first, then the old hidden-textarea +
 * execCommand('copy') route (older webviews, a page without clipboard permission). Throws an
 * Error naming why when both fail, so the caller never marks a question answered that was not
 * copied.
 */
import { messageOf } from '../common/errorMessage.js';
export async function writeClipboard(text: string): Promise<void> {
  let reason = 'clipboard unavailable';
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch (error) {
      reason = messageOf(error);
    }
  }
  if (copyWithTextarea(text)) return;
  throw new Error(reason);
}

function copyWithTextarea(text: string): boolean {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  // Off-screen, not display:none (a hidden element cannot be selected).
  area.style.cssText = 'position:fixed;top:-1000px;left:-1000px;opacity:0';
  document.body.append(area);
  try {
    area.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    previous?.focus();
  }
}
