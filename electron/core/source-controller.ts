/**
 * Owns the running feed source: creates it from settings, resumes the room's unfinished show,
 * records raw events of real feeds, and switches to another source on request (settings screen).
 */
import path from 'node:path';
import type { ReplayControl, ReplayStatus, SourceConfig, SourceKind } from '../../shared/api/sources.js';
import type { IngestPipeline } from './ingest/pipeline.js';
import type { Recorder } from './recording/recorder.js';
import { PollingSource } from './sources/polling-source.js';
import { ReplaySource } from './sources/replay-source.js';
import { SimSource } from './sources/sim-source.js';
import { SocketIoSource } from './sources/socketio-source.js';
import type { FeedSource } from './sources/types.js';

export function createSource(config: SourceConfig, resourcesDir?: string): FeedSource {
  switch (config.kind) {
    case 'sim':
      return new SimSource({
        seed: config.seed,
        rate: config.rate,
        speed: config.speed,
        durationMs: config.durationMs,
        ...(resourcesDir ? { resourcesDir: path.join(resourcesDir, 'sim') } : {}),
      });
    case 'socketio':
      return new SocketIoSource({ url: config.url, room: config.room, token: config.token });
    case 'poll':
      return new PollingSource({
        url: config.url,
        room: config.room,
        token: config.token,
        intervalMs: config.intervalMs,
      });
    case 'replay':
      return new ReplaySource({ file: config.file, speed: config.speed });
  }
}

/** Real feeds are recorded; the demo and replays are not (they can be regenerated or are recordings). */
const RECORDED_KINDS: ReadonlySet<SourceKind> = new Set(['socketio', 'poll']);

export interface SourceControllerDeps {
  pipeline: IngestPipeline;
  recorder: Recorder;
  resourcesDir?: string;
}

export class SourceController {
  private source: FeedSource | null = null;
  private config: SourceConfig;

  constructor(
    private readonly deps: SourceControllerDeps,
    initial: SourceConfig,
  ) {
    this.config = initial;
  }

  get current(): SourceConfig {
    return this.config;
  }

  get kind(): SourceKind {
    return this.config.kind;
  }

  /** Creates and starts the source for the current config. Throws if it cannot be created. */
  start(): void {
    const { pipeline, recorder } = this.deps;
    const config = this.config;
    const source = createSource(config, this.deps.resourcesDir);
    pipeline.useSource(config.kind);
    // After a restart, continue the room's unfinished show from the seq we had stored.
    if (config.kind === 'socketio' || config.kind === 'poll') pipeline.resumeRoom(config.room);
    const handlers = RECORDED_KINDS.has(config.kind)
      ? recorder.wrap(pipeline.handlers())
      : pipeline.handlers();
    source.start(handlers, () => pipeline.seq);
    this.source = source;
  }

  /** Stops the current source (everything it delivered is flushed) and starts `config`. */
  async switchTo(config: SourceConfig): Promise<void> {
    await this.stop();
    this.config = config;
    this.start();
  }

  replayStatus(): ReplayStatus | null {
    const source = this.source;
    return source instanceof ReplaySource ? source.status() : null;
  }

  controlReplay(control: ReplayControl): ReplayStatus | null {
    const source = this.source;
    return source instanceof ReplaySource ? source.control(control) : null;
  }

  async stop(): Promise<void> {
    const source = this.source;
    this.source = null;
    await source?.stop();
    this.deps.pipeline.flush();
  }
}
