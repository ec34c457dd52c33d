/**
 * Starts LiveDesk's core for a host: opens the store, starts the source and the pipeline,
 * and returns the service facade the host exposes. Both hosts (Electron, web) call this.
 */
import type { LiveDeskService } from '../../shared/api/contract.js';
import type { AppConfig } from './config.js';

export interface RuntimeOptions {
  /** Path to a better-sqlite3 binary built for this runtime's ABI (Electron's). */
  nativeBinding?: string;
}

export interface LiveDeskRuntime {
  readonly config: AppConfig;
  readonly service: LiveDeskService;
  /** Stops the source, flushes what is pending and closes the database. */
  stop(): Promise<void>;
}

export async function startLiveDesk(_config: AppConfig, _options: RuntimeOptions = {}): Promise<LiveDeskRuntime> {
  throw new Error('startLiveDesk: being written (foundation in progress)');
}
