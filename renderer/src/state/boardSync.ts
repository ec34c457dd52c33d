/**
 * Wires a transport to the board store: a snapshot whenever the link (re)connects, then update
 * batches; and older comment pages on request.
 */
import type { LiveDeskClient } from '../../../shared/api/contract.js';
import type { Transport } from '../api/transport.js';
import { boardActions, useBoardStore } from './boardStore.js';
import { canLoadOlder, OLDER_PAGE_SIZE } from './commentBuffer.js';
import { operationsUi } from './operationsUi.js';
import { messageOf } from '../components/common/errorMessage.js';

const SNAPSHOT_RETRY_MS = 3000;

export interface BoardSync {
  /** For the few screens that call the API directly (settings, diagnostics, replay controls). */
  client: LiveDeskClient;
  loadOlderComments(): void;
  /** Fetches a fresh snapshot now (e.g. right after switching the feed source). */
  reloadSnapshot(): void;
  stop(): void;
}

export function startBoardSync(transport: Transport): BoardSync {
  const { client } = transport;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const loadSnapshot = async () => {
    clearTimeout(retryTimer);
    try {
      const snapshot = await client.getSnapshot();
      if (!stopped) boardActions.applySnapshot(snapshot);
    } catch (error) {
      if (stopped) return;
      boardActions.setLoadError(messageOf(error));
      if (useBoardStore.getState().connection.status === 'connected') {
        retryTimer = setTimeout(() => void loadSnapshot(), SNAPSHOT_RETRY_MS);
      }
    }
  };

  // Subscribe before the first snapshot so no batch falls between the two; the store merges
  // overlapping rows by rowId.
  const stopUpdates = client.onUpdate((update) => {
    if (stopped) return;
    boardActions.applyUpdate(update);
    // The desktop app's global incident shortcut logged one: show it (electron/main/incident-shortcut.ts).
    if (update.focusIncidentId !== undefined) operationsUi.openIncidents(update.focusIncidentId);
  });
  const stopConnection = transport.onConnection((state) => {
    boardActions.setConnection(state);
    if (state.status === 'connected') void loadSnapshot();
  });

  return {
    client,
    reloadSnapshot() {
      if (!stopped) void loadSnapshot();
    },
    loadOlderComments() {
      const { comments } = useBoardStore.getState();
      const oldest = comments.rows[0];
      if (!oldest || !canLoadOlder(comments)) return;
      boardActions.startLoadingOlder();
      client
        .getComments({ beforeRowId: oldest.rowId, limit: OLDER_PAGE_SIZE })
        .then((rows) => {
          if (!stopped) boardActions.finishLoadingOlder(rows, OLDER_PAGE_SIZE);
        })
        .catch(() => {
          if (!stopped) boardActions.failLoadingOlder();
        });
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      stopUpdates();
      stopConnection();
      transport.close();
    },
  };
}
