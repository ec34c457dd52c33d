/**
 * The live board's state. Filled by a snapshot, then by update batches (≤10 a second); each
 * batch is one store write, and components read narrow slices so a batch re-renders only what
 * changed.
 */
import { create } from 'zustand';
import type {
  AlertsState,
  BoardSnapshot,
  BoardUpdate,
  CommentRow,
  CurrentProduct,
  FeedStatus,
  MetricsReport,
  OperationsState,
  RepliesState,
  ShowInfo,
} from '../../../shared/api/contract.js';
import type { ReplayStatus } from '../../../shared/api/sources.js';
import { NO_TARGETS, type ShowTargets } from '../../../shared/metrics/targets.js';
import type { ConnectionState } from '../api/transport.js';
import {
  appendNewer,
  emptyCommentBuffer,
  mergeSnapshot,
  prependOlder,
  withFollowing,
  type CommentBuffer,
} from './commentBuffer.js';

export interface BoardState {
  connection: ConnectionState;
  /** A snapshot has been applied at least once. */
  loaded: boolean;
  loadError: string | null;
  show: ShowInfo | null;
  metrics: MetricsReport | null;
  feed: FeedStatus | null;
  product: CurrentProduct | null;
  /** The current show's targets (or those set for the next show). */
  targets: ShowTargets;
  comments: CommentBuffer;
  /** Pending questions and reply KPIs of the current show (null until the first snapshot). */
  replies: RepliesState | null;
  /** The FAQ library's revision; a change means the cached library is stale. */
  faqRevision: number;
  /** The current show's alerts (null until the first snapshot). */
  alerts: AlertsState | null;
  /** The checklist run's progress and the open incidents (null until the first snapshot). */
  operations: OperationsState | null;
}

export const initialBoardState: BoardState = {
  connection: { status: 'connecting', message: null },
  loaded: false,
  loadError: null,
  show: null,
  metrics: null,
  feed: null,
  product: null,
  targets: NO_TARGETS,
  comments: emptyCommentBuffer,
  replies: null,
  faqRevision: 0,
  alerts: null,
  operations: null,
};

export const useBoardStore = create<BoardState>()(() => initialBoardState);

/** Reports can arrive out of order around a reconnect; never step back to an older one. */
function newerMetrics(
  current: MetricsReport | null,
  next: MetricsReport | undefined | null,
): MetricsReport | null {
  if (!next) return current;
  return current && next.at < current.at ? current : next;
}

function withMetrics(state: BoardState, report: MetricsReport | null | undefined): Partial<BoardState> {
  const metrics = newerMetrics(state.metrics, report);
  if (metrics === state.metrics || !metrics) return {};
  return { metrics };
}

/**
 * A different show (a new show on the feed, or another source): its comments and metrics
 * must not be mixed with the previous show's, so those start over.
 */
function showSwitch(state: BoardState, next: ShowInfo | null | undefined): Partial<BoardState> {
  if (!next || !state.show || next.id === state.show.id) return {};
  return { comments: emptyCommentBuffer, metrics: null };
}

const set = useBoardStore.setState;

export const boardActions = {
  setConnection(connection: ConnectionState) {
    set({ connection });
  },

  setLoadError(message: string | null) {
    set({ loadError: message });
  },

  applySnapshot(snapshot: BoardSnapshot) {
    set((current) => {
      const state = { ...current, ...showSwitch(current, snapshot.show) };
      return {
        loaded: true,
        loadError: null,
        show: snapshot.show,
        feed: snapshot.feed,
        product: snapshot.product,
        // A service older than the targets API sends none; the board then shows no targets.
        targets: snapshot.targets ?? NO_TARGETS,
        metrics: state.metrics,
        ...withMetrics(state, snapshot.metrics),
        comments: mergeSnapshot(state.comments, snapshot.comments),
        replies: snapshot.replies ?? null,
        faqRevision: snapshot.faqRevision ?? 0,
        alerts: snapshot.alerts ?? null,
        operations: snapshot.operations ?? null,
      };
    });
  },

  applyUpdate(update: BoardUpdate) {
    set((current) => {
      const state = { ...current, ...showSwitch(current, update.show) };
      return {
        feed: update.feed,
        ...(update.show !== undefined ? { show: update.show } : {}),
        ...(update.product !== undefined ? { product: update.product } : {}),
        ...(update.targets !== undefined ? { targets: update.targets } : {}),
        metrics: state.metrics,
        ...withMetrics(state, update.metrics),
        comments: appendNewer(state.comments, update.comments, update.droppedComments),
        ...(update.replies !== undefined ? { replies: update.replies } : {}),
        ...(update.faqRevision !== undefined ? { faqRevision: update.faqRevision } : {}),
        ...(update.alerts !== undefined ? { alerts: update.alerts } : {}),
        ...(update.operations !== undefined ? { operations: update.operations } : {}),
      };
    });
  },

  /** The answer to a reply action, shown at once rather than with the next update. */
  setReplies(replies: RepliesState) {
    set({ replies });
  },

  /** The answer to an alert action (ack, snooze), shown at once rather than with the next update. */
  setAlerts(alerts: AlertsState) {
    set({ alerts });
  },

  /** The answer to a checklist or incident action, shown at once rather than with the next update. */
  setOperations(operations: OperationsState) {
    set({ operations });
  },

  /** Targets just saved: shown at once rather than with the next update. */
  setTargets(targets: ShowTargets) {
    set({ targets });
  },

  /** The answer to a replay control, shown at once rather than with the next update. */
  setReplay(replay: ReplayStatus | null) {
    set((state) => (state.feed ? { feed: { ...state.feed, replay } } : {}));
  },

  setFollowing(following: boolean) {
    set((state) => ({ comments: withFollowing(state.comments, following) }));
  },

  startLoadingOlder() {
    set((state) => ({ comments: { ...state.comments, loadingOlder: true } }));
  },

  finishLoadingOlder(rows: readonly CommentRow[], requested: number) {
    set((state) => ({ comments: prependOlder(state.comments, rows, requested) }));
  },

  failLoadingOlder() {
    set((state) => ({ comments: { ...state.comments, loadingOlder: false } }));
  },
};
