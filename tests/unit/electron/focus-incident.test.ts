import { describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../../renderer/src/api/transport.js';
import { startBoardSync } from '../../../renderer/src/state/boardSync.js';
import { useOperationsUi } from '../../../renderer/src/state/operationsUi.js';
import type { BoardUpdate, LiveDeskClient } from '../../../shared/api/contract.js';

/**
 * The renderer's half of the global incident shortcut: the desktop host pushes an update with
 * focusIncidentId on the typed update channel, and the board opens its incident log on it.
 */
describe('focusIncidentId on the update channel', () => {
  it('opens the incident log on that incident; ordinary updates leave it closed', () => {
    let push: (u: BoardUpdate) => void = () => undefined;
    const client = {
      getSnapshot: vi.fn(() => new Promise(() => undefined)),
      onUpdate: (listener: (u: BoardUpdate) => void) => {
        push = listener;
        return () => undefined;
      },
    } as unknown as LiveDeskClient;
    const transport = {
      kind: 'ipc',
      client,
      onConnection: () => () => undefined,
      close: vi.fn(),
    } as unknown as Transport;
    const sync = startBoardSync(transport);
    const base = {
      feed: { state: 'live', messagesPerSec: 1 },
      comments: [],
      droppedComments: 0,
    } as unknown as BoardUpdate;

    push(base);
    expect(useOperationsUi.getState().incidentsOpen).toBe(false);
    push({ ...base, focusIncidentId: 9 });
    expect(useOperationsUi.getState()).toMatchObject({ incidentsOpen: true, focusIncidentId: 9 });
    sync.stop();
  });
});
