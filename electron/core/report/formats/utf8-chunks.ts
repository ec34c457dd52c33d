/**
 * Text appended as UTF-8 straight into large buffers, handed on a few MB at a time. Why not a
 * string built with += and written at the end: a million-row chunk is a rope of millions of
 * pieces, and flattening and encoding it (Buffer.from) cost the writers 2–3× the time it took to
 * build (measured: the XLSX profile spent more in Buffer.from than in making the rows). Encoding
 * each row as it comes, with buf.write, is about twice as fast and makes far less garbage.
 */
export const CHUNK_BYTES = 4 * 2 ** 20;

export class Utf8Chunks {
  private buf: Buffer;
  private used = 0;
  private sealed: Buffer[] = [];
  private sealedBytes = 0;

  constructor(private readonly size = CHUNK_BYTES) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Bytes waiting to be taken. */
  get bytes(): number {
    return this.sealedBytes + this.used;
  }

  add(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8 (a surrogate pair: 4 for 2).
    const most = text.length * 3;
    if (most > this.buf.length - this.used) {
      this.seal();
      if (most > this.buf.length) this.buf = Buffer.allocUnsafe(most);
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  private seal(): void {
    if (this.used > 0) {
      this.sealed.push(this.buf.subarray(0, this.used));
      this.sealedBytes += this.used;
    }
    // A fresh buffer: the one sealed is still being written or compressed by whoever took it.
    this.buf = Buffer.allocUnsafe(this.size);
    this.used = 0;
  }

  /** Everything added so far, as buffers in order; the chunks start empty again. */
  take(): Buffer[] {
    if (this.used > 0) this.seal();
    const out = this.sealed;
    this.sealed = [];
    this.sealedBytes = 0;
    return out;
  }
}
