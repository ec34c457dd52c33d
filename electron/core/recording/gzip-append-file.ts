/**
 * A gzip stream appended to a file. Each instance writes one new gzip member: a file written
 * by several runs (app restarts) is a concatenation of members, which is still valid gzip.
 * The default compression level matters: the reader finds members by the header it produces.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';

/** Lines are handed to zlib in chunks: one zlib call per line costs more than compressing it. */
const CHUNK_CHARS = 64 * 1024;

export class GzipAppendFile {
  private readonly gzip = zlib.createGzip();
  private readonly stream: fs.WriteStream;
  private readonly closed: Promise<void>;
  private pending: string[] = [];
  private pendingChars = 0;
  private drainScheduled = false;
  private unflushed = false;
  /** Set once writing failed; nothing more is written to this instance. */
  failure: unknown = null;

  constructor(
    readonly file: string,
    onError: (err: unknown) => void,
  ) {
    this.stream = fs.createWriteStream(file, { flags: 'a' });
    const fail = (err: unknown) => {
      if (this.failure !== null) return;
      this.failure = err;
      this.pending = [];
      this.pendingChars = 0;
      // Release what is buffered: this output is finished either way.
      this.gzip.destroy();
      this.stream.destroy();
      onError(err);
    };
    this.gzip.on('error', fail);
    this.stream.on('error', fail);
    this.closed = new Promise((resolve) => this.stream.once('close', () => resolve()));
    this.gzip.pipe(this.stream);
  }

  /** Bytes (about) accepted but not yet handed to the OS, uncompressed and compressed. */
  get backlog(): number {
    return (
      this.pendingChars + this.gzip.writableLength + this.gzip.readableLength + this.stream.writableLength
    );
  }

  write(text: string): void {
    if (this.failure !== null || this.gzip.writableEnded) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    this.unflushed = true;
    if (this.pendingChars >= CHUNK_CHARS) this.drain();
    else if (!this.drainScheduled) {
      // Lines of one burst go out together, right after it.
      this.drainScheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /**
   * Pushes everything written so far to the file as complete deflate blocks (Z_SYNC_FLUSH): a
   * reader can decompress up to here even if the process dies before the member is finished.
   */
  flush(): void {
    if (!this.unflushed || this.failure !== null || this.gzip.writableEnded) return;
    this.drain();
    this.unflushed = false;
    this.gzip.flush(zlib.constants.Z_SYNC_FLUSH);
  }

  /** Finishes the gzip member and resolves once the file is closed (also after a failure). */
  close(): Promise<void> {
    if (this.failure === null && !this.gzip.writableEnded) {
      this.drain();
      this.gzip.end();
    }
    return this.closed;
  }

  private drain(): void {
    this.drainScheduled = false;
    if (this.pending.length === 0 || this.failure !== null || this.gzip.writableEnded) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.gzip.write(chunk);
  }
}
