/** Small builders for valid feed events in tests. */
import type { StatsEvent } from '../../shared/protocol/feed.js';

export const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

export function stats(seq: number, tsOffsetMs: number, over: Partial<StatsEvent> = {}): StatsEvent {
  return {
    seq,
    ts: T0 + tsOffsetMs,
    online: 1000,
    pv: 5000,
    uv: 4000,
    interactUsers: 800,
    likes: 20000,
    comments: 3000,
    shares: 100,
    newFollowers: 200,
    fanClubJoins: 50,
    gmv: 1_000_000,
    orders: 150,
    buyers: 120,
    productExposures: 30000,
    productClicks: 3000,
    clickUsers: 1500,
    stayed1m: 2500,
    ...over,
  };
}

export function hello(showId = 'show-1', lastSeq = 0) {
  return {
    protocol: 1,
    room: { id: 'room-1', title: '测试直播间', platform: 'douyin' },
    show: { id: showId, title: '双十一专场', startedAt: T0 },
    serverTime: T0,
    lastSeq,
  };
}

export function comment(n: number, over: Record<string, unknown> = {}) {
  return {
    id: `c${n}`,
    ts: T0 + n,
    userId: `u${n % 50}`,
    nickname: `观众${n % 50}`,
    text: `有红色吗 ${n}`,
    ...over,
  };
}

/** Ten viewers' stream-fault reports: enough distinct viewers to raise the stream-fault alert. */
export const STREAM_FAULT_TEXTS: readonly string[] = [
  '卡了',
  '卡了卡了',
  '没声音',
  '主播没声音了',
  '又卡了',
  '画面卡了',
  '卡了吗',
  '没声音？',
  '好卡',
  '卡住了',
];
