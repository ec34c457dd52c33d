/**
 * Is this page a LAN board device? The share link carries its role (`?role=viewer`); the web
 * host enforces what the token may do, this only keeps the page from offering what it cannot.
 */
import { SHARE_ROLE_PARAM, isShareRole, type ShareRole } from '../../../../shared/api/share.js';

export function shareRoleOf(search: string): ShareRole | null {
  const role = new URLSearchParams(search).get(SHARE_ROLE_PARAM);
  return isShareRole(role) ? role : null;
}

/** The role of this page's share link, or null for the app's own page. */
export function pageShareRole(): ShareRole | null {
  return shareRoleOf(window.location.search);
}

/** A viewer device shows the big screen and nothing else. */
export function isViewerPage(): boolean {
  return pageShareRole() === 'viewer';
}
