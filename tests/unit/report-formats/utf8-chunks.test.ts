import { describe, expect, it } from 'vitest';
import { Utf8Chunks } from '../../../electron/core/report/formats/utf8-chunks.js';

describe('UTF-8 chunks', () => {
  it('hands back exactly the UTF-8 of what was added, across chunk boundaries and oversized pieces', () => {
    const chunks = new Utf8Chunks(64);
    const pieces = ['abc', '主播好美😀', 'x'.repeat(100), '\ud800 lone', '', '结尾\r\n'];
    let expected = '';
    const out: Buffer[] = [];
    for (const [i, p] of pieces.entries()) {
      chunks.add(p);
      expected += p;
      if (i === 2) out.push(...chunks.take());
    }
    expect(chunks.bytes).toBe(Buffer.byteLength(pieces.slice(3).join(''), 'utf8'));
    out.push(...chunks.take());
    expect(chunks.bytes).toBe(0);
    expect(Buffer.concat(out).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(chunks.take()).toEqual([]);
  });
});
