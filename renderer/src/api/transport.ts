import type { LiveDeskClient } from '../../../shared/api/contract.js';

/**
 * connecting   — first attempt, nothing known yet;
 * connected    — calls and updates flow;
 * disconnected — lost or refused for now; the transport keeps retrying;
 * rejected     — the host refused us (bad or missing token); no retry until the page reloads.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'rejected';

export interface ConnectionState {
  status: ConnectionStatus;
  /** The transport's own words for the last failure, shown to the user verbatim. */
  message: string | null;
}

/** A LiveDeskClient plus what the UI needs to know about the link beneath it. */
export interface Transport {
  kind: 'ipc' | 'web';
  client: LiveDeskClient;
  /** Calls the listener with the current state now, then on every change. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
