/**
 * The tray (notification area / menu bar) icon: the feed's state, messages per second and open
 * alerts at a glance while the window is behind the streaming software. Fed by the service's
 * updates (up to 10 a second) but redrawn at most once a second, and only when something shown
 * changed — rebuilding a native menu is not free, and an open menu would flicker.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { BoardSnapshot, BoardUpdate, FeedState, LiveDeskService } from '../../shared/api/contract.js';
import { PRODUCT_NAME, PRODUCT_NAME_ZH } from './app-identity.js';

export const TRAY_MIN_INTERVAL_MS = 1000;

export interface TrayStatus {
  feedState: FeedState | null;
  messagesPerSec: number;
  openAlerts: number;
}

const FEED_LABELS: Readonly<Record<FeedState, string>> = {
  live: '直播中',
  connecting: '连接中',
  reconnecting: '重连中',
  ended: '已下播',
  stopped: '已断开',
  error: '已断开',
};

export function feedStateLabel(state: FeedState | null): string {
  return state ? FEED_LABELS[state] : '启动中';
}

function openAlertCount(open: Readonly<Record<string, number>> | undefined): number {
  if (!open) return 0;
  return Object.values(open).reduce((sum, n) => sum + (Number.isFinite(n) ? n : 0), 0);
}

/** The status from an update; alerts come only when they changed, so the last count is kept. */
export function trayStatusFrom(previous: TrayStatus, update: BoardUpdate): TrayStatus {
  return {
    feedState: update.feed.state,
    messagesPerSec: update.feed.messagesPerSec,
    openAlerts: update.alerts ? openAlertCount(update.alerts.open) : previous.openAlerts,
  };
}

export function trayStatusFromSnapshot(snapshot: BoardSnapshot): TrayStatus {
  return {
    feedState: snapshot.feed.state,
    messagesPerSec: snapshot.feed.messagesPerSec,
    openAlerts: openAlertCount(snapshot.alerts.open),
  };
}

const rate = (n: number) => (n >= 10 || n === 0 ? String(Math.round(n)) : n.toFixed(1));

export function trayTooltip(status: TrayStatus): string {
  return [
    `${PRODUCT_NAME_ZH} ${PRODUCT_NAME}`,
    `${feedStateLabel(status.feedState)} · ${rate(status.messagesPerSec)} 条/秒 · 未处理告警 ${status.openAlerts}`,
  ].join('\n');
}

export interface TrayActions {
  showWindow: () => void;
  quit: () => void;
}

export function trayMenuTemplate(status: TrayStatus, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: '显示窗口 Show window', click: () => actions.showWindow() },
    { type: 'separator' },
    { label: `数据源：${feedStateLabel(status.feedState)}`, enabled: false },
    { label: `消息：${rate(status.messagesPerSec)} 条/秒`, enabled: false },
    { label: `未处理告警：${status.openAlerts}`, enabled: false },
    { type: 'separator' },
    { label: '退出 Quit', click: () => actions.quit() },
  ];
}

/** The parts of Electron's Tray and Menu used here. */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface StatusTrayDeps {
  tray: TrayLike;
  buildMenu: (template: MenuItemConstructorOptions[]) => unknown;
  service: Pick<LiveDeskService, 'onUpdate' | 'getSnapshot'>;
  actions: TrayActions;
  minIntervalMs?: number;
  now?: () => number;
}

const sameStatus = (a: TrayStatus, b: TrayStatus) =>
  a.feedState === b.feedState &&
  rate(a.messagesPerSec) === rate(b.messagesPerSec) &&
  a.openAlerts === b.openAlerts;

/** Wires a tray to the service. Returns a disposer that unsubscribes and removes the icon. */
export function startStatusTray(deps: StatusTrayDeps): () => void {
  const minInterval = deps.minIntervalMs ?? TRAY_MIN_INTERVAL_MS;
  const now = deps.now ?? Date.now;
  let status: TrayStatus = { feedState: null, messagesPerSec: 0, openAlerts: 0 };
  try {
    status = trayStatusFromSnapshot(deps.service.getSnapshot());
  } catch {
    // The first update (within a second) fills it in.
  }
  let shown: TrayStatus | null = null;
  let lastDrawAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const draw = () => {
    timer = undefined;
    if (disposed || (shown && sameStatus(shown, status))) return;
    shown = status;
    lastDrawAt = now();
    deps.tray.setToolTip(trayTooltip(status));
    deps.tray.setContextMenu(deps.buildMenu(trayMenuTemplate(status, deps.actions)));
  };
  const schedule = () => {
    if (timer !== undefined || disposed) return;
    const wait = lastDrawAt + minInterval - now();
    if (wait <= 0) draw();
    else timer = setTimeout(draw, wait);
  };

  deps.tray.on('click', () => deps.actions.showWindow());
  draw();
  const unsubscribe = deps.service.onUpdate((update) => {
    status = trayStatusFrom(status, update);
    schedule();
  });
  return () => {
    if (disposed) return;
    disposed = true;
    clearTimeout(timer);
    unsubscribe();
    deps.tray.destroy();
  };
}
