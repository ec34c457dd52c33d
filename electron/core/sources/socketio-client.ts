/**
 * socket.io's client, loaded the first time a socket.io feed is started or tested: ~120 ms of
 * module loading the app's start (the demo feed, a polling feed) does not need.
 */
import type * as SocketIoClientModule from 'socket.io-client';

export type SocketIoClient = typeof SocketIoClientModule;

let loading: Promise<SocketIoClient> | null = null;

export function loadSocketIoClient(): Promise<SocketIoClient> {
  loading ??= import('socket.io-client');
  return loading;
}
