/**
 * What makes LiveDesk behave like a desktop app that runs all day next to the streaming
 * software: the tray icon with the live status and the global incident shortcut. Neither is
 * essential: if one cannot be set up, that is logged (and the user told) and the app runs on.
 */
import path from 'node:path';
import { globalShortcut, Menu, Notification, Tray } from 'electron';
import type { LiveDeskService } from '../../shared/api/contract.js';
import type { IncidentView } from '../../shared/api/operations.js';
import { PRODUCT_NAME, PRODUCT_NAME_ZH } from './app-identity.js';
import type { AppLog } from './app-log.js';
import { openIncidentFromShortcut, registerIncidentShortcut, shortcutLabel } from './incident-shortcut.js';
import { startStatusTray } from './status-tray.js';

export interface DesktopExtrasDeps {
  service: LiveDeskService;
  log: AppLog;
  /** The app's resources folder (paths.ts appResourcesDir): icons/ is in it. */
  resourcesDir: string;
  platform: NodeJS.Platform;
  /** The checked accelerator, or null when turned off. */
  incidentShortcut: string | null;
  showWindow: () => void;
  focusIncident: (incident: IncidentView) => void;
  quit: () => void;
}

/** macOS wants a monochrome "template" image in the menu bar; elsewhere the coloured icon. */
export function trayIconPath(resourcesDir: string, platform: NodeJS.Platform): string {
  return path.join(resourcesDir, 'icons', platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
}

/** A short message the user sees without it blocking anything. */
function tellUser(title: string, body: string, log: AppLog): void {
  try {
    if (Notification.isSupported()) new Notification({ title, body }).show();
  } catch (err) {
    log.warn('could not show a notification:', err);
  }
}

/** Starts the tray and the shortcut; returns a disposer (idempotent) that removes both. */
export function startDesktopExtras(deps: DesktopExtrasDeps): () => void {
  const { log } = deps;
  const disposers: Array<() => void> = [];
  try {
    const tray = new Tray(trayIconPath(deps.resourcesDir, deps.platform));
    disposers.push(
      startStatusTray({
        tray,
        buildMenu: (template) => Menu.buildFromTemplate(template),
        service: deps.service,
        actions: { showWindow: deps.showWindow, quit: deps.quit },
      }),
    );
  } catch (err) {
    log.warn('no tray icon:', err);
  }

  if (deps.incidentShortcut) {
    const label = shortcutLabel(deps.incidentShortcut, deps.platform);
    const registration = registerIncidentShortcut(globalShortcut, deps.incidentShortcut, () =>
      openIncidentFromShortcut({
        service: deps.service,
        showWindow: deps.showWindow,
        focusIncident: deps.focusIncident,
        log,
      }),
    );
    if (registration.ok) {
      disposers.push(registration.dispose);
      log.info(`incident shortcut ${label} registered`);
    } else {
      log.warn(`incident shortcut ${label} not registered: ${registration.reason}`);
      tellUser(
        `${PRODUCT_NAME_ZH} ${PRODUCT_NAME}`,
        `记录事故的快捷键 ${label} 不可用（${registration.reason}）。可用 F7 在窗口内记录，或以 --incident-shortcut 换一个。`,
        log,
      );
    }
  }

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const dispose of disposers.reverse()) {
      try {
        dispose();
      } catch (err) {
        log.warn('cleaning up the tray or shortcut failed:', err);
      }
    }
  };
}
