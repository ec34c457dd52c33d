/**
 * The service over IPC: one `ipcMain.handle` per API method, each checking who calls and what
 * it passes before the service sees it, plus board updates pushed to the window.
 */
import { ipcMain } from 'electron';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { ZodError } from 'zod';
import { API_METHODS, IPC_UPDATE_CHANNEL, ipcChannel, parseApiArgs } from '../../shared/api/contract.js';
import type { ApiMethod, BoardUpdate, LiveDeskService } from '../../shared/api/contract.js';

export type IpcHandlers = Pick<IpcMain, 'handle' | 'removeHandler'>;
/** The window's webContents, held directly: BrowserWindow.webContents throws once the window is destroyed. */
export type UpdateTarget = Pick<WebContents, 'send' | 'isDestroyed'>;
/** Decides from the sending frame's URL whether the call comes from our renderer. */
export type SenderCheck = (frameUrl: string | undefined) => boolean;
/** Methods the desktop host answers itself (e.g. revealExport: only it has a file manager). */
export type HostMethods = Partial<Pick<LiveDeskService, ApiMethod>>;

export function describeArgsError(method: ApiMethod, err: ZodError): string {
  const issues = err.issues.map((issue) => {
    const [index, ...rest] = issue.path;
    const where =
      index === undefined
        ? 'arguments'
        : [`[${String(index)}]`, ...rest.map((p) => `.${String(p)}`)].join('');
    return `${where}: ${issue.message}`;
  });
  return `livedesk.${method}: invalid arguments (${issues.join('; ')})`;
}

interface Call {
  service: LiveDeskService;
  hostMethods: HostMethods;
  isTrusted: SenderCheck;
  method: ApiMethod;
  event: IpcMainInvokeEvent;
  args: unknown[];
}

function handleCall({ service, hostMethods, isTrusted, method, event, args }: Call): unknown {
  // senderFrame is null once the frame navigated away or was destroyed: no answer then either.
  if (!isTrusted(event.senderFrame?.url)) throw new Error(`livedesk.${method}: untrusted sender`);
  let parsed: readonly unknown[];
  try {
    parsed = parseApiArgs(method, args);
  } catch (err) {
    if (err instanceof ZodError) throw new Error(describeArgsError(method, err));
    throw err;
  }
  const own = hostMethods[method] as ((...callArgs: unknown[]) => unknown) | undefined;
  if (own) return own(...parsed);
  const fn = service[method] as (...callArgs: unknown[]) => unknown;
  return fn.apply(service, [...parsed]);
}

/**
 * Registers the handlers and starts forwarding updates. Returns a disposer that removes both
 * (call it before stopping the runtime, so no call reaches a closed store).
 */
export function registerIpc(
  ipcMain: IpcHandlers,
  service: LiveDeskService,
  isTrusted: SenderCheck,
  target: UpdateTarget,
  hostMethods: HostMethods = {},
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) =>
      handleCall({ service, hostMethods, isTrusted, method, event, args }),
    );
  }
  const unsubscribe = service.onUpdate((update) => {
    if (!target.isDestroyed()) target.send(IPC_UPDATE_CHANNEL, update);
  });
  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    unsubscribe();
    for (const method of API_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}

/**
 * registerIpc on Electron's own ipcMain. This file is the only one in the app allowed to touch
 * ipcMain (eslint.config.js), so every handler goes through handleCall's sender and argument checks.
 */
export function registerAppIpc(
  service: LiveDeskService,
  isTrusted: SenderCheck,
  target: UpdateTarget,
  hostMethods: HostMethods = {},
): () => void {
  return registerIpc(ipcMain, service, isTrusted, target, hostMethods);
}

/** Pushes one update of the host's own (e.g. "open the incident log") on the typed update channel. */
export function sendUpdate(target: UpdateTarget, update: BoardUpdate): void {
  if (!target.isDestroyed()) target.send(IPC_UPDATE_CHANNEL, update);
}

/** Sends updates to every open app window (the board and any big screens). */
export function fanOut(targets: ReadonlySet<UpdateTarget>): UpdateTarget {
  return {
    send: (channel: string, ...args: unknown[]) => {
      for (const target of targets) if (!target.isDestroyed()) target.send(channel, ...args);
    },
    isDestroyed: () => false,
  };
}
