import type { LiveDeskClient } from '../../../shared/api/contract.js';
import type { Transport } from './transport.js';

/** Electron: the preload's object already satisfies LiveDeskClient; the link cannot drop. */
export function createIpcTransport(bridge: LiveDeskClient): Transport {
  return {
    kind: 'ipc',
    client: bridge,
    onConnection(listener) {
      listener({ status: 'connected', message: null });
      return () => {};
    },
    close() {},
  };
}
