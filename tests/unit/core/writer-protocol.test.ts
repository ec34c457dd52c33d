/** What crosses to the store's writer thread comes back the same on the other side. */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  describeStorageError,
  isTransientStorageError,
} from '../../../electron/core/ingest/storage-errors.js';
import { emptyBatch, type WriteBatch } from '../../../electron/core/store/types.js';
import {
  decodeBatch,
  deserialiseError,
  encodeBatch,
  serialiseError,
} from '../../../electron/core/store/writer-protocol.js';
import { T0 } from '../../helpers/events.js';

/** Through a real MessagePort, as the worker receives it. */
function acrossThreads<T>(value: T): T {
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(value);
    return receiveMessageOnPort(port2)!.message as T;
  } finally {
    port1.close();
  }
}

describe('writer protocol', () => {
  it('carries a batch’s comments as columns and rebuilds them exactly', () => {
    const batch: WriteBatch = {
      ...emptyBatch('show-1', 4),
      lastSeq: 7,
      comments: [
        {
          id: 'a',
          seq: 5,
          ts: T0,
          userId: 'u1',
          nickname: '观众',
          text: '红色还有吗？',
          fanClub: true,
          truncated: false,
        },
        {
          id: 'b',
          seq: 6,
          ts: T0 + 1,
          userId: 'u2',
          nickname: '',
          text: '很'.repeat(500),
          fanClub: false,
          truncated: true,
        },
        {
          id: 'c',
          seq: 7,
          ts: T0 + 2,
          userId: 'u3',
          nickname: 'x',
          text: '😀 ok',
          fanClub: true,
          truncated: true,
        },
      ],
      gaps: [{ afterSeq: 1, resumedSeq: 4, missing: 2, detectedAt: T0, feedTs: null }],
      endedAt: T0 + 3,
    };
    expect(decodeBatch(acrossThreads(encodeBatch(batch)))).toEqual(batch);
    expect(decodeBatch(acrossThreads(encodeBatch(emptyBatch('show-2', 0))))).toEqual(emptyBatch('show-2', 0));
  });

  it('keeps an error’s SQLite code, so a full disk is still judged a passing condition', () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const back = deserialiseError(acrossThreads(serialiseError(full)));
    expect(isTransientStorageError(back)).toBe(true);
    expect(describeStorageError(back)).toBe('disk full (database or disk is full)');
    expect(deserialiseError(serialiseError('plain'))).toMatchObject({ message: 'plain' });
  });
});
