import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  feedStateLabel,
  startStatusTray,
  TRAY_MIN_INTERVAL_MS,
  trayMenuTemplate,
  trayTooltip,
} from '../../../electron/main/status-tray.js';
import type { TrayLike } from '../../../electron/main/status-tray.js';
import type { BoardSnapshot, BoardUpdate, FeedState, LiveDeskService } from '../../../shared/api/contract.js';

afterEach(() => vi.useRealTimers());

const feed = (state: FeedState, messagesPerSec: number) =>
  ({ state, messagesPerSec }) as unknown as BoardUpdate['feed'];
const update = (state: FeedState, messagesPerSec: number, open?: Record<string, number>): BoardUpdate =>
  ({
    feed: feed(state, messagesPerSec),
    comments: [],
    droppedComments: 0,
    ...(open ? { alerts: { open } } : {}),
  }) as unknown as BoardUpdate;

function setup(snapshot?: Partial<BoardSnapshot>) {
  vi.useFakeTimers();
  const listeners = new Set<(u: BoardUpdate) => void>();
  const service = {
    getSnapshot: vi.fn(() => {
      if (!snapshot) throw new Error('not ready');
      return snapshot as BoardSnapshot;
    }),
    onUpdate: vi.fn((l: (u: BoardUpdate) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
  } as unknown as Pick<LiveDeskService, 'onUpdate' | 'getSnapshot'>;
  const tray = { setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn(), destroy: vi.fn() };
  const actions = { showWindow: vi.fn(), quit: vi.fn() };
  const buildMenu = vi.fn((template: MenuItemConstructorOptions[]) => ({ template }));
  const dispose = startStatusTray({
    tray: tray as unknown as TrayLike,
    buildMenu,
    service,
    actions,
    now: () => Date.now(),
  });
  const push = (u: BoardUpdate) => listeners.forEach((l) => l(u));
  const lastTooltip = () => tray.setToolTip.mock.calls.at(-1)?.[0] as string;
  return { tray, actions, buildMenu, dispose, push, listeners, lastTooltip };
}

describe('tray status text', () => {
  it('says 直播中 / 已断开 and the rest in words', () => {
    expect(feedStateLabel('live')).toBe('直播中');
    expect(feedStateLabel('stopped')).toBe('已断开');
    expect(feedStateLabel('error')).toBe('已断开');
    expect(feedStateLabel('reconnecting')).toBe('重连中');
    expect(trayTooltip({ feedState: 'live', messagesPerSec: 63.4, openAlerts: 2 })).toBe(
      '直播助理台 LiveDesk\n直播中 · 63 条/秒 · 未处理告警 2',
    );
    expect(trayTooltip({ feedState: 'live', messagesPerSec: 2.46, openAlerts: 0 })).toContain('2.5 条/秒');
  });

  it('has show window, the status lines (not clickable) and quit', () => {
    const actions = { showWindow: vi.fn(), quit: vi.fn() };
    const menu = trayMenuTemplate({ feedState: 'error', messagesPerSec: 0, openAlerts: 5 }, actions);
    expect(menu.map((i) => i.label ?? i.type)).toEqual([
      '显示窗口 Show window',
      'separator',
      '数据源：已断开',
      '消息：0 条/秒',
      '未处理告警：5',
      'separator',
      '退出 Quit',
    ]);
    expect(menu.filter((i) => i.enabled === false)).toHaveLength(3);
    (menu[0]!.click as () => void)();
    (menu[6]!.click as () => void)();
    expect(actions.showWindow).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});

describe('startStatusTray', () => {
  it('starts from the snapshot and opens the window on click', () => {
    const { lastTooltip, tray, actions } = setup({
      feed: feed('live', 12),
      alerts: { open: { info: 1, warn: 2, critical: 1 } },
    } as unknown as BoardSnapshot);
    expect(lastTooltip()).toContain('直播中 · 12 条/秒 · 未处理告警 4');
    const click = tray.on.mock.calls.find(([e]) => e === 'click')?.[1] as () => void;
    click();
    expect(actions.showWindow).toHaveBeenCalledOnce();
  });

  it('redraws at most once a second from 10 updates a second, showing the latest', () => {
    const { push, tray, buildMenu, lastTooltip } = setup();
    expect(tray.setToolTip).toHaveBeenCalledTimes(1); // "启动中" until the first update
    for (let i = 1; i <= 30; i++) {
      push(update('live', i, i === 5 ? { warn: 3 } : undefined));
      vi.advanceTimersByTime(100);
    }
    // 3 s of updates: the first at once, then one per second.
    expect(tray.setToolTip.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(tray.setToolTip.mock.calls.length).toBeLessThanOrEqual(5);
    expect(buildMenu.mock.calls.length).toBe(tray.setToolTip.mock.calls.length);
    vi.advanceTimersByTime(TRAY_MIN_INTERVAL_MS);
    expect(lastTooltip()).toContain('直播中 · 30 条/秒 · 未处理告警 3');
  });

  it('keeps the alert count when an update carries no alerts, and skips redraws that change nothing', () => {
    const { push, tray, lastTooltip } = setup();
    push(update('live', 5, { warn: 2 }));
    vi.advanceTimersByTime(TRAY_MIN_INTERVAL_MS);
    const draws = tray.setToolTip.mock.calls.length;
    expect(lastTooltip()).toContain('未处理告警 2');
    push(update('live', 5));
    vi.advanceTimersByTime(5000);
    expect(tray.setToolTip).toHaveBeenCalledTimes(draws);
    push(update('stopped', 0));
    vi.advanceTimersByTime(TRAY_MIN_INTERVAL_MS);
    expect(lastTooltip()).toContain('已断开 · 0 条/秒 · 未处理告警 2');
  });

  it('dispose unsubscribes, cancels a pending redraw and removes the icon', () => {
    const { push, dispose, tray, listeners } = setup();
    push(update('live', 1));
    push(update('live', 2));
    const draws = tray.setToolTip.mock.calls.length;
    dispose();
    dispose();
    vi.advanceTimersByTime(5000);
    expect(tray.setToolTip).toHaveBeenCalledTimes(draws);
    expect(listeners.size).toBe(0);
    expect(tray.destroy).toHaveBeenCalledOnce();
  });
});
