/**
 * The hot writes (comment batches with their rollups, question inserts and settlements) go
 * through a StoreWriter, so they can run on a thread of their own (writer-thread.ts) while the
 * thread that serves the UI keeps receiving, validating and analysing. Callers hand a write over
 * with a callback; the callback runs after the write is committed (or has failed), in the order
 * the writes were handed over. InlineStoreWriter does the write at once on the caller's
 * connection (tests, tools); both behave the same from outside.
 */
import type { StoredAlert } from './alerts-repo.js';
import type { QuestionSettlement, NewQuestion } from './questions-repo.js';
import type { Store } from './store.js';
import type { BatchWritten, WriteBatch } from './types.js';

export type WriteOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };
export type WriteDone<T> = (outcome: WriteOutcome<T>) => void;

export interface StoreWriter {
  /** Several batches in one transaction, in order: all are written or none. */
  writeBatches(batches: readonly WriteBatch[], done: WriteDone<BatchWritten[]>): void;
  insertQuestions(
    questions: readonly NewQuestion[],
    suggested: ReadonlyMap<string, number>,
    done: WriteDone<number>,
  ): void;
  settleGroup(settlement: QuestionSettlement, done: WriteDone<number>): void;
  /** New and grown alerts in one transaction (AlertsRepo.save). */
  saveAlerts(alerts: readonly StoredAlert[], done: WriteDone<void>): void;
  /**
   * Returns once every write handed over before the call is committed or has failed and its
   * callback has run: a read that follows sees them. Writes those callbacks hand over meanwhile
   * may still be on their way (a caller that must see them too drains again).
   */
  drain(): void;
  close(): Promise<void>;
}

/** Runs `write` now and tells `done`; an error is the outcome, never thrown to the caller. */
export function runNow<T>(write: () => T, done: WriteDone<T>): void {
  let outcome: WriteOutcome<T>;
  try {
    outcome = { ok: true, value: write() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  done(outcome);
}

/** Writes at once, on the store's own connection (callbacks run before the call returns). */
export class InlineStoreWriter implements StoreWriter {
  constructor(private readonly store: Store) {}

  writeBatches(batches: readonly WriteBatch[], done: WriteDone<BatchWritten[]>): void {
    runNow(
      () =>
        batches.length === 1 ? [this.store.writeBatchIds(batches[0]!)] : this.store.writeBatchesIds(batches),
      done,
    );
  }

  insertQuestions(
    questions: readonly NewQuestion[],
    suggested: ReadonlyMap<string, number>,
    done: WriteDone<number>,
  ): void {
    runNow(() => this.store.questions.insert(questions, suggested), done);
  }

  settleGroup(s: QuestionSettlement, done: WriteDone<number>): void {
    runNow(() => this.store.questions.settleGroup(s.showId, s.groupKey, s.state, s.at, s.faqId), done);
  }

  saveAlerts(alerts: readonly StoredAlert[], done: WriteDone<void>): void {
    runNow(() => this.store.alerts.save(alerts), done);
  }

  drain(): void {}

  async close(): Promise<void> {}
}
