import { useEffect, useState } from 'react';
import { messageOf } from '../common/errorMessage.js';

export type AsyncResult<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: string };

/**
 * Runs `load` (memoise it: a new function is a new request) and keeps its answer; an answer to
 * an older request is dropped. `retry` asks again.
 */
export function useAsync<T>(load: () => Promise<T>): AsyncResult<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{
    load: () => Promise<T>;
    attempt: number;
    result: AsyncResult<T>;
  } | null>(null);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (value) => {
        if (!cancelled) setSettled({ load, attempt, result: { status: 'ok', value } });
      },
      (error: unknown) => {
        if (!cancelled) setSettled({ load, attempt, result: { status: 'error', error: messageOf(error) } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [load, attempt]);
  const current: AsyncResult<T> =
    settled && settled.load === load && settled.attempt === attempt ? settled.result : { status: 'loading' };
  return { ...current, retry: () => setAttempt((n) => n + 1) };
}
