/**
 * A feed source delivers raw, unvalidated events; the ingest pipeline validates them
 * (one boundary for every source). Sources own connection state and resume-by-seq.
 */
import type { FeedState, SourceKind } from '../../../shared/api/contract.js';

export interface SourceHandlers {
  /** The feed's `hello`, raw. */
  onHello(hello: unknown): void;
  /** One feed event, raw: `type` is the socket.io event name, `payload` its argument. */
  onEvent(type: string, payload: unknown): void;
  /** Connection state changed; `detail` says why in words ("401: token rejected"). */
  onState(state: FeedState, detail?: string | null): void;
}

export interface FeedSource {
  readonly kind: SourceKind;
  /** Starts delivering; `lastSeq()` is asked on every (re)connect to resume without loss. */
  start(handlers: SourceHandlers, lastSeq: () => number): void;
  /** Stops for good: no events are delivered after the promise resolves. */
  stop(): Promise<void>;
}
