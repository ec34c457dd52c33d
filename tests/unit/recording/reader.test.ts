import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineSplitter, TOO_LONG } from '../../../electron/core/recording/line-splitter.js';
import { formatLine } from '../../../electron/core/recording/line.js';
import {
  emptyReadSummary,
  readRecording,
  RecordingFileError,
  type RecordedLine,
} from '../../../electron/core/recording/reader.js';
import { hello, stats, T0 } from '../../helpers/events.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

async function readAll(file: string) {
  const summary = emptyReadSummary();
  const lines: RecordedLine[] = [];
  for await (const line of readRecording(file, summary)) lines.push(line);
  return { lines, summary };
}

/** `count` stats lines as the recorder writes them. */
function statsText(count: number, firstSeq = 1): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + i;
    text += formatLine(T0 + seq * 1000, 'event', 'stats', stats(seq, seq * 1000));
  }
  return text;
}

const seqsOf = (lines: RecordedLine[]) => lines.map((l) => (l.p as { seq: number }).seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A gzip member as the recorder leaves it when killed: flushed up to `flushed`, then cut. */
function cutMember(flushed: string, unflushed: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const gzip = zlib.createGzip();
    const out: Buffer[] = [];
    gzip.on('data', (b: Buffer) => out.push(b));
    gzip.write(flushed);
    gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      const atFlush = Buffer.concat(out).length;
      gzip.write(unflushed);
      gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => {
        // keep part of what came after the last "flush": a write the kill interrupted
        const all = Buffer.concat(out);
        resolve(all.subarray(0, atFlush + Math.floor((all.length - atFlush) / 2)));
        gzip.destroy();
      });
    });
  });
}

describe('readRecording', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const file = (name: string) => path.join(tmp.dir, name);

  beforeEach(() => {
    tmp = makeTempDir();
  });
  afterEach(() => tmp.cleanup());

  it('reads plain JSONL, skipping and counting lines that are not recorded events', async () => {
    const good = formatLine(T0, 'hello', 'hello', hello('show-1'));
    const text = [
      good.trim(),
      'not json at all',
      '{"t":1,"k":"event","type":"stats"}', // no p
      '{"t":"1","k":"event","type":"stats","p":1}', // t not a number
      '{"t":1,"k":"other","type":"stats","p":1}',
      '[1,2,3]',
      '',
      '{"t":2,"k":"event","type":"comments","p":null}\r',
      statsText(2).trim(),
    ].join('\n');
    fs.writeFileSync(file('plain.jsonl'), `${text}\n`);
    const { lines, summary } = await readAll(file('plain.jsonl'));
    expect(lines).toEqual([
      { t: T0, k: 'hello', type: 'hello', p: hello('show-1') },
      { t: 2, k: 'event', type: 'comments', p: null },
      { t: T0 + 1000, k: 'event', type: 'stats', p: stats(1, 1000) },
      { t: T0 + 2000, k: 'event', type: 'stats', p: stats(2, 2000) },
    ]);
    expect(summary).toEqual({ lines: 4, badLines: 5, truncated: false });
  });

  it('accepts a whole last line without its newline, and reports a partial one as truncated', async () => {
    fs.writeFileSync(file('whole.jsonl'), statsText(3).trimEnd());
    expect((await readAll(file('whole.jsonl'))).summary).toEqual({ lines: 3, badLines: 0, truncated: false });

    fs.writeFileSync(file('partial.jsonl'), statsText(3).slice(0, -40));
    const { lines, summary } = await readAll(file('partial.jsonl'));
    expect(seqsOf(lines)).toEqual([1, 2]);
    expect(summary).toEqual({ lines: 2, badLines: 0, truncated: true });
  });

  it('reads gzip (detected by its magic bytes, whatever the name) across many chunks', async () => {
    const text = statsText(5000);
    fs.writeFileSync(file('recording.bin'), zlib.gzipSync(text));
    const { lines, summary } = await readAll(file('recording.bin'));
    expect(seqsOf(lines)).toEqual(range(1, 5000));
    expect(summary).toEqual({ lines: 5000, badLines: 0, truncated: false });
  });

  it('reads every member of a multi-member gzip file', async () => {
    const parts = [statsText(10, 1), statsText(3000, 11), statsText(5, 3011)];
    fs.writeFileSync(file('multi.jsonl.gz'), Buffer.concat(parts.map((p) => zlib.gzipSync(p))));
    const { lines, summary } = await readAll(file('multi.jsonl.gz'));
    expect(seqsOf(lines)).toEqual(range(1, 3015));
    expect(summary.truncated).toBe(false);
  });

  it('reads a gzip stream cut short up to its last flush, and ends cleanly', async () => {
    fs.writeFileSync(file('cut.jsonl.gz'), await cutMember(statsText(800), statsText(800, 801)));
    const { lines, summary } = await readAll(file('cut.jsonl.gz'));
    // everything before the flush, maybe a little after it, never a partial line
    expect(lines.length).toBeGreaterThanOrEqual(800);
    expect(lines.length).toBeLessThan(1600);
    expect(seqsOf(lines)).toEqual(range(1, lines.length));
    expect(summary).toEqual({ lines: lines.length, badLines: 0, truncated: true });
  });

  it('carries on with the member appended after a cut one (a crash, then a restart)', async () => {
    const cut = await cutMember(statsText(500), statsText(500, 501));
    const after = zlib.gzipSync(statsText(20, 2001));
    fs.writeFileSync(file('restart.jsonl.gz'), Buffer.concat([cut, after]));
    const { lines, summary } = await readAll(file('restart.jsonl.gz'));
    const seqs = seqsOf(lines);
    const beforeRestart = seqs.filter((s) => s <= 1000);
    expect(beforeRestart.length).toBeGreaterThanOrEqual(500);
    expect(beforeRestart).toEqual(range(1, beforeRestart.length));
    expect(seqs.slice(beforeRestart.length)).toEqual(range(2001, 2020));
    expect(summary).toEqual({ lines: seqs.length, badLines: 0, truncated: true });
  });

  it('reports garbage after gzip data as truncated, without throwing', async () => {
    const bytes = Buffer.concat([
      zlib.gzipSync(statsText(10)),
      Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]),
    ]);
    fs.writeFileSync(file('junk.jsonl.gz'), bytes);
    const { lines, summary } = await readAll(file('junk.jsonl.gz'));
    expect(seqsOf(lines)).toEqual(range(1, 10));
    expect(summary.truncated).toBe(true);
  });

  it('reads an empty file as no lines', async () => {
    fs.writeFileSync(file('empty.jsonl.gz'), '');
    expect(await readAll(file('empty.jsonl.gz'))).toEqual({
      lines: [],
      summary: { lines: 0, badLines: 0, truncated: false },
    });
  });

  it('rejects a missing file with the reason in words', async () => {
    const missing = file('nope.jsonl.gz');
    await expect(readAll(missing)).rejects.toThrow(
      new RecordingFileError(missing, { code: 'ENOENT' }).message,
    );
    await expect(readAll(missing)).rejects.toThrow(`${missing}: no such file`);
    await expect(readAll(tmp.dir)).rejects.toThrow(`${tmp.dir}: is a directory, not a recording`);
  });

  it('stops reading (and closes the file) when the caller stops early', async () => {
    fs.writeFileSync(file('big.jsonl.gz'), zlib.gzipSync(statsText(3000)));
    const summary = emptyReadSummary();
    let n = 0;
    for await (const _line of readRecording(file('big.jsonl.gz'), summary)) if (++n === 10) break;
    expect(summary.lines).toBe(10);
    // the handle is closed: the file can be removed and recreated at once (matters on Windows)
    fs.rmSync(file('big.jsonl.gz'));
  });
});

describe('LineSplitter', () => {
  it('joins lines split across chunks (and UTF-8 characters split across them)', () => {
    const splitter = new LineSplitter(1000);
    const bytes = Buffer.from('有红色吗\n第二行\n第三', 'utf8');
    const out: (string | typeof TOO_LONG)[] = [];
    for (let i = 0; i < bytes.length; i += 2) out.push(...splitter.push(bytes.subarray(i, i + 2)));
    expect(out).toEqual(['有红色吗', '第二行']);
    expect(splitter.end()).toBe('第三');
  });

  it('drops a line longer than the limit, once, and carries on after its newline', () => {
    const splitter = new LineSplitter(10);
    const out = [
      ...splitter.push(Buffer.from('short\n0123456')),
      ...splitter.push(Buffer.from('789abcdef')),
      ...splitter.push(Buffer.from('ghij\nok\n')),
    ];
    expect(out).toEqual(['short', TOO_LONG, 'ok']);
  });

  it('forgets an unfinished line when the data was cut', () => {
    const splitter = new LineSplitter(100);
    expect([...splitter.push(Buffer.from('a\nhalf a li'))]).toEqual(['a']);
    expect(splitter.cut()).toBe(true);
    expect([...splitter.push(Buffer.from('ne\nb\n'))]).toEqual(['ne', 'b']);
    expect(splitter.cut()).toBe(false);
  });
});
