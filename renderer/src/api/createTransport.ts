import { createIpcTransport } from './ipcTransport.js';
import type { Transport } from './transport.js';
import { createWebTransport } from './webTransport.js';

/** Inside Electron the preload provides `window.livedesk`; anywhere else we are the web page. */
export function createTransport(): Transport {
  return window.livedesk ? createIpcTransport(window.livedesk) : createWebTransport();
}
