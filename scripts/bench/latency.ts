/**
 * Comment latency on screen: feed emit → the comment in the renderer's DOM, at 2,000 comments/s.
 * A socket.io feed on 127.0.0.1 (in this process) drives the real web host CLI (`--source
 * socketio`, a child process); Debian Chromium shows the board at 1366×768. The feed sends a batch
 * every 50 ms (100 comments of simulator text, seeded) and stamps each batch: its number goes at the
 * end of every comment's text, its send time (Date.now() just before the emit) stays here.
 *
 * In the page a MutationObserver on the comment stream reads the stamps of the rows present after
 * every change and keeps the first moment each stamp was there (performance.timeOrigin +
 * performance.now(): the same machine clock). The list is virtualised, newest at the bottom: of an
 * update carrying several batches only the newest rows are in view. So a batch counts as shown when
 * it, or any newer batch, first is — at that moment it is in the list, scrolled past in the same
 * frame. A second socket.io client in this process notes when each batch arrives in a board update
 * (the core's share of the latency). Warm-up excluded; p50 and p99 over every batch sent.
 */
import type { Socket as FeedSocket } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import { loadCorpus } from '../../electron/core/sim/corpus.js';
import { WEB_UPDATE_EVENT } from '../../shared/api/channels.js';
import type { BoardUpdate } from '../../shared/api/contract.js';
import { launchChromium } from '../../tests/helpers/browser.js';
import { helloOnConnect, startScriptedFeed } from '../../tests/helpers/scripted-feed.js';
import { stats } from '../../tests/helpers/events.js';
import { startWebCli, type WebCli } from '../../tests/helpers/web-cli.js';
import { sleep, tempDir, type BenchContext } from './context.js';
import { generateComments } from './keywords.js';
import { atMost, percentile, printMeasurements, roundTo, type Measurement } from './result.js';

const RATE = 2000;
const TICK_MS = 50;
const TOKEN = 'latency-bench-token';
const ROOM = 'latency-room';
const STAMP = / #(\d+)$/;

/** In the page (plain JavaScript text: no compiler helpers cross over). */
const PAGE_PROBE = `(() => {
  const seen = (window.__stampSeen = {});
  const stream = document.querySelector('[data-testid="comment-stream"]');
  const scan = () => {
    const now = performance.timeOrigin + performance.now();
    for (const row of stream.querySelectorAll('[data-testid="comment-row"] .comment-row__text')) {
      const m = / #(\\d+)$/.exec(row.textContent || '');
      if (m && !(m[1] in seen)) seen[m[1]] = now;
    }
  };
  new MutationObserver(scan).observe(stream, { subtree: true, childList: true, characterData: true });
  scan();
})()`;

/** RATE comments/s in TICK_MS batches (catching up after a late timer), stats every second. */
class StampedLoad {
  readonly sentAt = new Map<number, number>();
  private seq = 0;
  private sent = 0;
  private batch = 0;
  private readonly started = Date.now();
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    private readonly socket: FeedSocket,
    private readonly texts: readonly string[],
  ) {}

  start(): void {
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
    this.timers.push(
      setInterval(() => {
        this.seq += 1;
        this.socket.emit('stats', stats(this.seq, 0, { ts: Date.now(), online: 100 }));
      }, 1000),
    );
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  get batches(): number {
    return this.batch;
  }

  private tick(): void {
    const due = Math.floor(((Date.now() - this.started) / 1000) * RATE) - this.sent;
    if (due <= 0) return;
    const batch = ++this.batch;
    const now = Date.now();
    const items = [];
    for (let i = 0; i < due; i++) {
      const n = this.sent + i;
      items.push({
        id: `c${n}`,
        ts: now,
        userId: `u${n % 5000}`,
        nickname: `观众${n % 5000}`,
        text: `${this.texts[n % this.texts.length]!} #${batch}`,
      });
    }
    this.sent += due;
    this.seq += 1;
    this.sentAt.set(batch, Date.now());
    this.socket.emit('comments', { seq: this.seq, items });
  }
}

/** When each stamp first arrives in a board update at a socket.io client in this process. */
function watchPushes(web: WebCli): { seen: Map<number, number>; close: () => void } {
  const seen = new Map<number, number>();
  const socket = connectClient(web.url, {
    transports: ['websocket'],
    auth: { token: TOKEN },
    forceNew: true,
  });
  socket.on(WEB_UPDATE_EVENT, (update: BoardUpdate) => {
    const now = Date.now();
    for (const row of update.comments) {
      const m = STAMP.exec(row.text);
      if (m && !seen.has(Number(m[1]))) seen.set(Number(m[1]), now);
    }
  });
  return { seen, close: () => socket.close() };
}

/**
 * Latency of every batch in [from, to]: the first time it or a newer batch was seen.
 * Exported for the unit test.
 */
export function shownLatencies(
  sentAt: ReadonlyMap<number, number>,
  seenAt: ReadonlyMap<number, number>,
  from: number,
  to: number,
): { latencies: number[]; unseen: number } {
  const newest = Math.max(to, ...seenAt.keys());
  let earliest = Infinity;
  const shownAt = new Map<number, number>();
  for (let batch = newest; batch >= from; batch--) {
    earliest = Math.min(earliest, seenAt.get(batch) ?? Infinity);
    if (batch <= to) shownAt.set(batch, earliest);
  }
  const latencies: number[] = [];
  let unseen = 0;
  for (let batch = from; batch <= to; batch++) {
    const sent = sentAt.get(batch);
    const shown = shownAt.get(batch) ?? Infinity;
    if (sent === undefined) continue;
    if (shown === Infinity) unseen++;
    else latencies.push(shown - sent);
  }
  return { latencies, unseen };
}

export async function benchLatency(ctx: Pick<BenchContext, 'quick' | 'seed'>): Promise<Measurement[]> {
  const warmUpMs = ctx.quick ? 2000 : 5000;
  const measureMs = ctx.quick ? 4000 : 30_000;
  const texts = generateComments(loadCorpus(), 20_000, ctx.seed);
  const data = tempDir('latency');
  const feed = await startScriptedFeed(
    helloOnConnect({ id: ROOM, title: '延迟压测' }, { id: `latency-bench-${Date.now()}`, title: '延迟压测' }),
  );
  const web = await startWebCli(
    ['--data-dir', data.dir, '--source', 'socketio', '--url', feed.url, '--room', ROOM],
    TOKEN,
  );
  const browser = await launchChromium();
  const pushes = watchPushes(web);
  let load: StampedLoad | null = null;
  try {
    const deadline = Date.now() + 10_000;
    while (!feed.socket) {
      if (Date.now() > deadline) throw new Error('the web host did not connect to the feed');
      await sleep(20);
    }
    load = new StampedLoad(feed.socket!, texts);
    load.start();
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${web.url}?token=${TOKEN}`);
    await page.locator('[data-testid="comment-row"]').first().waitFor({ timeout: 20_000 });
    await page.evaluate(PAGE_PROBE);
    await sleep(warmUpMs);
    const from = load.batches + 1;
    await sleep(measureMs);
    const to = load.batches;
    await sleep(1000); // the last batches' way to the screen
    load.stop();

    const seenRaw = (await page.evaluate('window.__stampSeen')) as Record<string, number>;
    const seen = new Map(Object.entries(seenRaw).map(([k, v]) => [Number(k), v]));
    const shown = shownLatencies(load.sentAt, seen, from, to);
    const pushed = shownLatencies(load.sentAt, pushes.seen, from, to);
    if (shown.latencies.length === 0) throw new Error(`no batch of ${from}–${to} was seen in the page`);
    const l = shown.latencies;
    const stamped = [...seen.keys()].filter((k) => k >= from && k <= to).length;
    const note = `${RATE} comments/s in ${TICK_MS} ms batches for ${measureMs / 1000} s after ${warmUpMs / 1000} s warm-up; ${l.length} batches (${stamped} seen in view themselves, ${shown.unseen} never shown); Chromium 1366×768`;
    const row = (name: string, p: number, bound: number): Measurement => ({
      name,
      value: roundTo(percentile(l, p), 1),
      min: roundTo(Math.min(...l), 1),
      max: roundTo(Math.max(...l), 1),
      runs: l.length,
      unit: 'ms',
      target: atMost(bound, 'ms'),
      note,
    });
    const push = pushed.latencies;
    return [
      row('latency-p50', 50, 150),
      row('latency-p99', 99, 300),
      {
        name: 'latency-push-p50',
        value: push.length ? roundTo(percentile(push, 50), 1) : null,
        min: push.length ? roundTo(Math.min(...push), 1) : null,
        max: push.length ? roundTo(Math.max(...push), 1) : null,
        runs: push.length,
        unit: 'ms',
        note: `emit → the batch in a board update at a socket.io client (the core's share); p99 ${push.length ? roundTo(percentile(push, 99), 1) : 'n/a'} ms`,
      },
    ];
  } finally {
    load?.stop();
    pushes.close();
    await browser.close();
    await web.stop();
    await feed.close();
    data.remove();
  }
}

if (process.argv[1]?.endsWith('latency.ts')) {
  benchLatency({ quick: process.argv.includes('--quick'), seed: 8 })
    .then((rows) => printMeasurements('latency', rows))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
