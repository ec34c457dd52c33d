/**
 * Everything that goes wrong without asking ends up in the log: exceptions and rejections nobody
 * caught in the main process, a renderer or a helper process (GPU, network, utility) that died.
 * The app keeps running after an uncaught exception, like Electron's own default, because the
 * core (ingest, storage) is still working and an all-day show must not stop for a stray error.
 */
import type { Details, RenderProcessGoneDetails } from 'electron';
import type { AppLog } from './app-log.js';

/** What Electron's `app` emits that we log (typed loosely so tests can pass an EventEmitter). */
export interface CrashSources {
  process: {
    on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
    on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  };
  app: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, contents: { getURL(): string }, details: RenderProcessGoneDetails) => void,
    ): unknown;
    on(event: 'child-process-gone', listener: (event: unknown, details: Details) => void): unknown;
  };
}

/** The page's route only: which view crashed matters, its query string does not. */
export function pageOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//…/${parsed.pathname.split('/').pop() ?? ''}${parsed.hash}`;
  } catch {
    return '(unknown page)';
  }
}

export function installCrashLogging(log: AppLog, sources: CrashSources): void {
  sources.process.on('uncaughtException', (err) => log.error('uncaught exception in the main process:', err));
  sources.process.on('unhandledRejection', (reason) =>
    log.error('unhandled promise rejection in the main process:', reason),
  );
  sources.app.on('render-process-gone', (_event, contents, details) => {
    let page = '(unknown page)';
    try {
      page = pageOf(contents.getURL());
    } catch {
      // The webContents may already be gone.
    }
    log.error(`renderer process gone: reason=${details.reason} exitCode=${details.exitCode} page=${page}`);
  });
  sources.app.on('child-process-gone', (_event, details) => {
    const level = details.reason === 'clean-exit' ? 'info' : 'error';
    const name = details.name ?? details.serviceName ?? '';
    const message = `child process gone: type=${details.type}${name ? ` name=${name}` : ''} reason=${details.reason} exitCode=${details.exitCode}`;
    if (level === 'info') log.info(message);
    else log.error(message);
  });
}
