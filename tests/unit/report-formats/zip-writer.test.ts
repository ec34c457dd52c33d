import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipWriter, type ZipOptions } from '../../../electron/core/report/formats/zip-writer.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const { dir, cleanup } = makeTempDir('livedesk-zip-');
afterAll(cleanup);

/** Writes the entries (each given as its chunks) to a real file and returns its bytes. */
async function zipOf(entries: [string, (string | Buffer)[]][], options: ZipOptions = {}): Promise<Buffer> {
  const file = path.join(dir, `${crypto.randomUUID()}.zip`);
  const out = fs.createWriteStream(file);
  const zip = new ZipWriter(out, options);
  for (const [name, chunks] of entries) {
    const entry = await zip.entry(name);
    for (const c of chunks) await entry.write(c);
    await entry.close();
  }
  await zip.finish();
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  const data = fs.readFileSync(file);
  expect(data.length).toBe(zip.bytesWritten);
  return data;
}

const random = crypto.randomBytes(3 * 2 ** 20); // incompressible, larger than a deflate chunk
const ENTRIES: [string, (string | Buffer)[]][] = [
  ['[Content_Types].xml', ['<?xml version="1.0"?><Types/>']],
  ['empty.txt', []],
  ['目录/中文名字.txt', ['第一行\n', '第二行 😀 emoji\r\n', 'end']],
  ['random.bin', [random.subarray(0, 1000), random.subarray(1000)]],
  [
    'repeated.xml',
    Array.from({ length: 50 }, () =>
      '<row r="1"><c t="inlineStr"><is><t>主播好美</t></is></c></row>'.repeat(2000),
    ),
  ],
];

async function expectContents(data: Buffer): Promise<void> {
  const zip = await JSZip.loadAsync(data, { checkCRC32: true });
  expect(Object.keys(zip.files)).toEqual(ENTRIES.map(([name]) => name));
  for (const [name, chunks] of ENTRIES) {
    const expected = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
    const actual = await zip.file(name)!.async('nodebuffer');
    expect(actual.equals(expected), name).toBe(true);
  }
}

describe('streaming ZIP writer', () => {
  it('writes entries a standard reader opens, CRCs checked, UTF-8 names, streamed data descriptors', async () => {
    const data = await zipOf(ENTRIES);
    await expectContents(data);
    // Local header of the first entry: deflate with a data descriptor and a UTF-8 name.
    expect(data.readUInt32LE(0)).toBe(0x04034b50);
    expect(data.readUInt16LE(6)).toBe(0x0808);
    expect(data.readUInt16LE(8)).toBe(8);
    // A plain (not ZIP64) end record closes it.
    expect(data.readUInt32LE(data.length - 22)).toBe(0x06054b50);
    expect(data.readUInt16LE(data.length - 22 + 10)).toBe(ENTRIES.length);
    // The repeated XML (~14 MB) compresses.
    expect(data.length).toBeLessThan(5 * 2 ** 20);
  });

  it('ZIP64 records when sizes and offsets pass the limit (limit lowered to 0: every field is ZIP64)', async () => {
    const data = await zipOf(ENTRIES, { zip64Threshold: 0 });
    await expectContents(data);
    const end = data.length - 22;
    expect(data.readUInt32LE(end)).toBe(0x06054b50);
    expect(data.readUInt16LE(end + 10)).toBe(0xffff);
    expect(data.readUInt32LE(end + 16)).toBe(0xffffffff);
    // ZIP64 locator, then the ZIP64 end record it points to, with the true entry count.
    const locator = end - 20;
    expect(data.readUInt32LE(locator)).toBe(0x07064b50);
    const record = Number(data.readBigUInt64LE(locator + 8));
    expect(data.readUInt32LE(record)).toBe(0x06064b50);
    expect(Number(data.readBigUInt64LE(record + 32))).toBe(ENTRIES.length);
  });

  it('one entry at a time', async () => {
    const zip = new ZipWriter(new PassThrough().resume());
    const first = await zip.entry('a.txt');
    await expect(zip.entry('b.txt')).rejects.toThrow(/another entry is open/u);
    await first.close();
    await zip.finish();
  });

  it('a failing output rejects the writer instead of leaving it waiting for "drain"', async () => {
    let written = 0;
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _enc, callback) {
        written++;
        // Accept a little, then fail like a full disk.
        if (written > 3) callback(Object.assign(new Error('no space left'), { code: 'ENOSPC' }));
        else setImmediate(callback);
      },
    });
    out.on('error', () => undefined);
    const zip = new ZipWriter(out);
    const attempt = (async () => {
      const entry = await zip.entry('random.bin');
      for (let i = 0; i < 40; i++) await entry.write(crypto.randomBytes(256 * 1024));
      await entry.close();
    })();
    await expect(attempt).rejects.toThrow();
  });
});
