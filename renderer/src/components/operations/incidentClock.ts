/**
 * The 5-minute response target as a live clock (seed 002: 平均响应时间 ≤ 5 分钟): amber from the
 * fourth minute, red past the fifth while nobody has acted; then the response and resolve times.
 */
import { INCIDENT_RESPONSE_TARGET_MS, type IncidentView } from '../../../../shared/api/operations.js';

/** Amber from here: a minute left to act. */
export const RESPONSE_WARN_MS = 4 * 60_000;

export type ResponsePhase = 'waiting' | 'soon' | 'late' | 'responded' | 'respondedLate';

export interface ResponseClock {
  phase: ResponsePhase;
  /** Since detection (until resolution, once resolved). */
  elapsedMs: number;
  /** Detection → first action, once there was one. */
  responseMs: number | null;
  /** Until the target (negative: past it), while nobody has acted. */
  remainingMs: number;
}

type Times = Pick<IncidentView, 'detectedAt' | 'respondedAt' | 'resolvedAt' | 'responseMs' | 'resolveMs'>;

/** The core's duration (monotonic while the app ran) when it has one, else from the timestamps. */
export function responseDuration(incident: Times): number | null {
  if (incident.respondedAt === null) return null;
  return incident.responseMs ?? Math.max(0, incident.respondedAt - incident.detectedAt);
}

export function resolveDuration(incident: Times): number | null {
  if (incident.resolvedAt === null) return null;
  return incident.resolveMs ?? Math.max(0, incident.resolvedAt - incident.detectedAt);
}

export function responseClock(incident: Times, now: number): ResponseClock {
  const resolved = resolveDuration(incident);
  const elapsedMs = resolved ?? Math.max(0, now - incident.detectedAt);
  const responseMs = responseDuration(incident);
  if (responseMs !== null) {
    const phase = responseMs <= INCIDENT_RESPONSE_TARGET_MS ? 'responded' : 'respondedLate';
    return { phase, elapsedMs, responseMs, remainingMs: INCIDENT_RESPONSE_TARGET_MS - responseMs };
  }
  const waited = Math.max(0, now - incident.detectedAt);
  const phase =
    waited > INCIDENT_RESPONSE_TARGET_MS ? 'late' : waited >= RESPONSE_WARN_MS ? 'soon' : 'waiting';
  return { phase, elapsedMs, responseMs: null, remainingMs: INCIDENT_RESPONSE_TARGET_MS - waited };
}

/** 65 s → "1:05"; 3,725 s → "1:02:05". Whole seconds, never negative. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
