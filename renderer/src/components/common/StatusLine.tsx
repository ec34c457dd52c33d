import { useEffect } from 'react';

/** The last action's result: an id (a new one each time), whether it went well. */
export interface ActionStatus {
  id: number;
  tone: 'ok' | 'error';
}

/**
 * The last action's result, announced politely. A success goes after `showMs`; a failure stays
 * until the next action (it says what was not saved, and the user may have looked away).
 */
export function StatusLine({
  status,
  text,
  showMs,
  onExpire,
  testId,
}: {
  status: ActionStatus | null;
  text: string;
  showMs: number;
  /** Clears this status (by id: a newer one stays). */
  onExpire: (id: number) => void;
  testId: string;
}) {
  useEffect(() => {
    if (!status || status.tone === 'error') return;
    const timer = setTimeout(() => onExpire(status.id), showMs);
    return () => clearTimeout(timer);
  }, [status, showMs, onExpire]);
  return (
    <p
      className={`status-line${status ? ` is-${status.tone}` : ''}`}
      role="status"
      aria-live="polite"
      data-testid={testId}
    >
      {status ? text : ''}
    </p>
  );
}
