/**
 * Which alerts deserve a notification and a sound: those raised after the page loaded (an id
 * above the highest one seen so far — the core numbers alerts max + 1), warn or critical, open,
 * of a rule that is not muted. Each id is delivered at most once, however often it grows.
 */
import type { AlertsState, AlertView } from '../../../../shared/api/alerts.js';
import { isUrgent } from './alertList.js';

export class AlertDelivery {
  /** Highest alert id seen; null until the first state (alerts present at load are not new). */
  private highest: number | null = null;

  /** The alerts to deliver now, newest first; the first call only takes the baseline. */
  take(state: AlertsState | null, muted: ReadonlySet<string>): AlertView[] {
    if (!state) return [];
    const newestId = state.recent.reduce((max, a) => Math.max(max, a.id), 0);
    if (this.highest === null) {
      this.highest = newestId;
      return [];
    }
    const since = this.highest;
    this.highest = Math.max(since, newestId);
    return state.recent.filter(
      (a) => a.id > since && isUrgent(a.severity) && a.state === 'open' && !muted.has(a.ruleId),
    );
  }
}
