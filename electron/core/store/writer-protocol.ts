/** Messages between the main thread and the store's writer thread (writer-worker.ts). */
import type { MessagePort } from 'node:worker_threads';
import type { StoredAlert } from './alerts-repo.js';
import type { QuestionColumns, QuestionSettlement } from './questions-repo.js';
import type { NewComment, WriteBatch } from './types.js';

export interface WriterWorkerData {
  /** The database file; the main thread has opened (and migrated) it first. */
  file: string;
  nativeBinding?: string;
  /** Replies go here: a port of its own, so the main thread can also read it synchronously. */
  port: MessagePort;
  /** Int32 counter the worker bumps (and notifies) after each reply: drain() sleeps on it. */
  signal: SharedArrayBuffer;
  /** Under tsx only: the worker's TypeScript entry, loaded by ts-worker-boot.mjs. */
  entry?: string;
}

export type WriterRequest =
  | { id: number; kind: 'batches'; batches: readonly EncodedBatch[] }
  | {
      id: number;
      kind: 'questions';
      questions: QuestionColumns;
      suggested: ReadonlyMap<string, number>;
    }
  | { id: number; kind: 'settle'; settlement: QuestionSettlement }
  | { id: number; kind: 'alerts'; alerts: readonly StoredAlert[] }
  | { id: number; kind: 'close' };

/**
 * A batch as it crosses to the writer thread: its comments as columns (arrays of strings and
 * typed arrays) rather than one object each — copying thousands of small objects between threads
 * cost both threads more than the columns do (structured clone per object and property).
 */
export type EncodedBatch = Omit<WriteBatch, 'comments'> & { comments: CommentColumns };

export interface CommentColumns {
  id: string[];
  userId: string[];
  nickname: string[];
  text: string[];
  seq: Float64Array;
  ts: Float64Array;
  /** Bit 1: fan club; bit 2: truncated. */
  flags: Uint8Array;
}

const FAN_CLUB = 1;
const TRUNCATED = 2;

export function encodeBatch(batch: WriteBatch): EncodedBatch {
  const comments = batch.comments;
  const n = comments.length;
  const columns: CommentColumns = {
    id: new Array<string>(n),
    userId: new Array<string>(n),
    nickname: new Array<string>(n),
    text: new Array<string>(n),
    seq: new Float64Array(n),
    ts: new Float64Array(n),
    flags: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const c = comments[i]!;
    columns.id[i] = c.id;
    columns.userId[i] = c.userId;
    columns.nickname[i] = c.nickname;
    columns.text[i] = c.text;
    columns.seq[i] = c.seq;
    columns.ts[i] = c.ts;
    columns.flags[i] = (c.fanClub ? FAN_CLUB : 0) | (c.truncated ? TRUNCATED : 0);
  }
  return { ...batch, comments: columns };
}

export function decodeBatch(encoded: EncodedBatch): WriteBatch {
  const c = encoded.comments;
  const comments: NewComment[] = new Array<NewComment>(c.id.length);
  for (let i = 0; i < comments.length; i++) {
    comments[i] = {
      id: c.id[i]!,
      seq: c.seq[i]!,
      ts: c.ts[i]!,
      userId: c.userId[i]!,
      nickname: c.nickname[i]!,
      text: c.text[i]!,
      fanClub: (c.flags[i]! & FAN_CLUB) !== 0,
      truncated: (c.flags[i]! & TRUNCATED) !== 0,
    };
  }
  return { ...encoded, comments };
}

/** The first reply (id 0) says whether the worker opened the database. */
export type WriterReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

/** An Error across threads: SQLite's code kept, so storage-errors.ts can judge it. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

export function serialiseError(err: unknown): SerializedError {
  const code = (err as { code?: unknown } | null)?.code;
  return {
    name: err instanceof Error ? err.name : 'Error',
    message: err instanceof Error ? err.message : String(err),
    ...(typeof code === 'string' ? { code } : {}),
  };
}

export function deserialiseError(e: SerializedError): Error {
  const err = new Error(e.message) as Error & { code?: string };
  err.name = e.name;
  if (e.code !== undefined) err.code = e.code;
  return err;
}
