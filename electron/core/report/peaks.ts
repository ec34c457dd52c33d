/**
 * Peaks of a show from its per-minute rollups (the trend's minutes, already read): online from
 * each minute's online_max, comments / GMV / orders per minute, each with the minute it happened
 * (its start, feed clock). Ties go to the earliest minute; a peak of nothing (no minute above 0)
 * is null rather than "0 at the first minute".
 */
import type { TrendMinute } from '../../../shared/api/contract.js';
import type { Peak, ShowReport } from '../../../shared/api/report.js';

export function peakOf(
  minutes: readonly TrendMinute[],
  value: (m: TrendMinute) => number | null,
): Peak | null {
  let best: Peak | null = null;
  for (const m of minutes) {
    const v = value(m);
    if (v === null || v <= 0) continue;
    if (best === null || v > best.value) best = { value: v, at: m.minute };
  }
  return best;
}

export function showPeaks(minutes: readonly TrendMinute[]): ShowReport['peaks'] {
  return {
    online: peakOf(minutes, (m) => m.onlineMax),
    commentsPerMin: peakOf(minutes, (m) => m.comments),
    gmvPerMin: peakOf(minutes, (m) => m.gmv),
    ordersPerMin: peakOf(minutes, (m) => m.orders),
  };
}
