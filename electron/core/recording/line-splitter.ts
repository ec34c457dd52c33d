/** Splits a byte stream into text lines, with a bound on how long a line may grow. */

/** Yielded in place of a line that was longer than allowed (its bytes are dropped). */
export const TOO_LONG = Symbol('too long');

export class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  /** Inside an over-long line: drop bytes until its newline. */
  private skipping = false;

  constructor(private readonly maxLineBytes: number) {}

  *push(chunk: Buffer): Generator<string | typeof TOO_LONG> {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline < 0) break;
      if (this.skipping) {
        this.skipping = false;
      } else if (this.parts.length === 0) {
        yield chunk.toString('utf8', start, newline);
      } else {
        this.parts.push(chunk.subarray(start, newline));
        yield Buffer.concat(this.parts).toString('utf8');
        this.parts = [];
        this.partBytes = 0;
      }
      start = newline + 1;
    }
    if (start >= chunk.length || this.skipping) return;
    this.parts.push(chunk.subarray(start));
    this.partBytes += chunk.length - start;
    if (this.partBytes > this.maxLineBytes) {
      this.discard();
      this.skipping = true;
      yield TOO_LONG;
    }
  }

  /** Drops an unfinished line (the data was cut short); true if there was one. */
  cut(): boolean {
    const had = this.parts.length > 0 || this.skipping;
    this.discard();
    this.skipping = false;
    return had;
  }

  /** The unfinished last line at the end of the data, if any. */
  end(): string | null {
    if (this.parts.length === 0) return null;
    const rest = Buffer.concat(this.parts).toString('utf8');
    this.discard();
    return rest;
  }

  private discard(): void {
    this.parts = [];
    this.partBytes = 0;
  }
}
