/**
 * The operations core on a real SQLite file in a temp dir, with every clock in the test's hands:
 * the wall clock, the monotonic clock and its boot id, the running show and its feed clock, and
 * a table of alerts the incident log can link to. Reopen the same dir with a new boot id to
 * simulate a restart.
 */
import type { ShowInfo } from '../../../shared/api/contract.js';
import { OperationsService } from '../../../electron/core/operations/operations-service.js';
import { openStore } from '../../../electron/core/store/open-store.js';
import type { Store } from '../../../electron/core/store/store.js';
import { T0 } from '../../helpers/events.js';

export interface TestAlert {
  showId: string;
  ruleName: string;
  message: string;
  feedTs: number | null;
  incidentId: number | null;
}

export interface OpsHarness {
  store: Store;
  ops: OperationsService;
  clock: { now: number; mono: number; boot: string };
  feed: { show: ShowInfo | null; feedTs: number | null };
  alerts: Map<number, TestAlert>;
  close(): void;
}

export function show(id = 'show-1', over: Partial<ShowInfo> = {}): ShowInfo {
  return {
    id,
    title: '双十一专场',
    roomId: 'room-1',
    roomTitle: '测试直播间',
    platform: 'douyin',
    startedAt: T0,
    endedAt: null,
    ...over,
  };
}

export function openOps(
  dir: string,
  opts: { boot?: string; now?: number; mono?: number; resourcesDir?: string } = {},
): OpsHarness {
  const { store } = openStore(dir);
  const clock = { now: opts.now ?? T0, mono: opts.mono ?? 1_000, boot: opts.boot ?? 'boot-1' };
  const feed: OpsHarness['feed'] = { show: null, feedTs: null };
  const alerts = new Map<number, TestAlert>();
  const ops = new OperationsService({
    store,
    resourcesDir: opts.resourcesDir,
    now: () => clock.now,
    mono: {
      get bootId() {
        return clock.boot;
      },
      now: () => clock.mono,
    },
    show: () => feed.show,
    feedTs: () => feed.feedTs,
    alerts: {
      find: (id) => alerts.get(id) ?? null,
      link: (alertId, incidentId) => {
        const alert = alerts.get(alertId);
        if (alert) alert.incidentId = incidentId;
      },
    },
  });
  return { store, ops, clock, feed, alerts, close: () => store.close() };
}

/** Moves the wall and the monotonic clock together (time passing normally). */
export function advance(h: OpsHarness, ms: number): void {
  h.clock.now += ms;
  h.clock.mono += ms;
}
