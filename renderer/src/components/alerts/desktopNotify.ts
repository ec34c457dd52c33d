/**
 * Desktop notifications through the browser's Notification API, which the web host's browser
 * and Electron's renderer both provide (Electron's permission handler allows 'notifications').
 * Permission is asked only from a user gesture (the bell in the panel); without it nothing is
 * shown and nothing complains.
 */
export type NotifyPermission = NotificationPermission | 'unsupported';

export function notifyPermission(): NotifyPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Must run inside a click or key handler, or browsers ignore (or auto-deny) the request. */
export async function requestNotifyPermission(): Promise<NotifyPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

export interface DesktopNotice {
  title: string;
  body: string;
  /** Same tag replaces the earlier notice instead of stacking another. */
  tag: string;
  /** Critical alerts stay on screen until dismissed. */
  sticky: boolean;
  onClick: () => void;
}

export function showDesktopNotice(notice: DesktopNotice): void {
  if (notifyPermission() !== 'granted') return;
  try {
    const n = new Notification(notice.title, {
      body: notice.body,
      tag: notice.tag,
      requireInteraction: notice.sticky,
    });
    n.onclick = () => {
      window.focus();
      notice.onClick();
      n.close();
    };
  } catch {
    // Some platforms allow notifications only from a service worker: skip.
  }
}
