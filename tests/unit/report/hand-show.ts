/**
 * Shows written by hand through the store's real write path (writeBatch: stats, rollups,
 * comments), with round figures a test can compute by hand: one stats snapshot a minute from the
 * start to the end, cumulative counters growing linearly to their final values.
 */
import { COUNTER_KEYS } from '../../../shared/metrics/formulas.js';
import type { StatsEvent } from '../../../shared/protocol/feed.js';
import type { StoredAlert } from '../../../electron/core/store/alerts-repo.js';
import type { Store } from '../../../electron/core/store/store.js';
import { emptyBatch } from '../../../electron/core/store/types.js';

export const MINUTE = 60_000;

export interface HandShow {
  id: string;
  roomId: string;
  roomTitle?: string;
  title?: string;
  startedAt: number;
  minutes: number;
  /** Final cumulative counters (the last snapshot); online is a gauge: see `online`. */
  final: Partial<Omit<StatsEvent, 'seq' | 'ts'>>;
  /** Online at each minute (default: a flat 1000). */
  online?: (minute: number) => number;
  /** Comments stored per minute (default 0). */
  commentsPerMinute?: number;
}

export function writeHandShow(store: Store, s: HandShow): void {
  store.upsertShow({
    id: s.id,
    roomId: s.roomId,
    roomTitle: s.roomTitle ?? `${s.roomId} 直播间`,
    platform: 'douyin',
    title: s.title ?? `场次 ${s.id}`,
    startedAt: s.startedAt,
    endedAt: null,
    lastSeq: 0,
    source: 'sim',
  });
  let seq = 0;
  for (let i = 0; i <= s.minutes; i++) {
    const batch = emptyBatch(s.id, seq);
    const ts = s.startedAt + i * MINUTE;
    const stats: StatsEvent = { seq: ++seq, ts, online: s.online ? s.online(i) : 1000 } as StatsEvent;
    for (const key of COUNTER_KEYS) stats[key] = Math.round(((s.final[key] ?? 0) * i) / s.minutes);
    if (s.final.traffic) {
      stats.traffic = Object.fromEntries(
        Object.entries(s.final.traffic).map(([k, v]) => [k, Math.round((v * i) / s.minutes)]),
      );
    }
    if (i === s.minutes && s.final.products) stats.products = s.final.products;
    batch.stats.push(stats);
    if (i < s.minutes) {
      for (let c = 0; c < (s.commentsPerMinute ?? 0); c++) {
        batch.comments.push({
          id: `${s.id}-c${i}-${c}`,
          seq: ++seq,
          ts: ts + 1000 + c,
          userId: `u${c}`,
          nickname: `观众${c}`,
          text: `评论 ${i}-${c}`,
          fanClub: false,
          truncated: false,
        });
      }
    }
    batch.lastSeq = seq;
    if (i === s.minutes) batch.endedAt = ts;
    store.writeBatch(batch);
  }
}

/** A stored alert with defaults; feedTs places it on the show's clock. */
export function alertRow(
  id: number,
  showId: string,
  feedTs: number,
  over: Partial<StoredAlert> = {},
): StoredAlert {
  return {
    id,
    showId,
    ruleId: 'stock-colour-size',
    ruleName: '颜色/尺码缺货追问',
    kind: 'keyword',
    severity: 'warn',
    hint: '查库存：红色，请主播补充讲解',
    message: '120 条评论在问颜色/尺码库存',
    firstAt: feedTs,
    lastAt: feedTs,
    feedTs,
    lastFeedTs: feedTs,
    count: 120,
    distinctUsers: 80,
    samples: [],
    state: 'open',
    ackedAt: null,
    ackedBy: null,
    snoozedUntil: null,
    incidentId: null,
    ...over,
  };
}
