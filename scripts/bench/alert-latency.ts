/**
 * Alert latency on screen: from the send of the comment that crosses a keyword rule's threshold
 * to the alert in the page's DOM, while a scripted socket.io feed on 127.0.0.1 pushes 2,000
 * comments/s of ordinary chatter through the real web host CLI into Debian Chromium.
 *
 * One critical keyword rule per sample (a phrase of its own, 5 comments from 5 viewers in 30 s),
 * saved through the API before the run, so every burst raises a fresh alert whatever the
 * cooldown. For each burst: 4 matching comments ride in the background batches, then the 5th
 * (the one that crosses the threshold) is the last item of a batch whose send time is taken with
 * Date.now(). In the page, a MutationObserver stamps the moment the alert bar shows that alert's
 * id (performance.timeOrigin + performance.now(): the same machine clock). Bar: ≤ 250 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket as FeedSocket } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import type { AlertView } from '../../shared/api/alerts.js';
import { WEB_UPDATE_EVENT } from '../../shared/api/channels.js';
import type { BoardUpdate } from '../../shared/api/contract.js';
import type { KeywordRule } from '../../shared/alerts/rules.js';
import { launchChromium } from '../../tests/helpers/browser.js';
import { helloOnConnect, startScriptedFeed } from '../../tests/helpers/scripted-feed.js';
import { stats } from '../../tests/helpers/events.js';
import { callWebApi, startWebCli, type WebCli } from '../../tests/helpers/web-cli.js';
import type { Measurement as BenchResult } from './result.js';

const RATE = Number(process.env.ALERT_BENCH_RATE ?? 2000);
const SAMPLES = Number(process.env.ALERT_BENCH_SAMPLES ?? 24);
const WARM_UP_MS = 5000;
const BURST_EVERY_MS = 1500;
const TICK_MS = 50;
const THRESHOLD = 5;
const TOKEN = 'alert-latency-bench-token';

/** Ordinary chatter: matches no default rule. */
const CHATTER = [
  '主播好',
  '666',
  '来了来了',
  '哈哈哈哈',
  '好看',
  '支持主播',
  '已拍',
  '求福袋',
  '晚上好',
  '主播声音好好听',
];

/** Phrase of sample k: no phrase is part of another (暗号01号 vs 暗号11号). */
const phraseOf = (k: number) => `压测暗号${String(k).padStart(2, '0')}号`;
const ruleIdOf = (k: number) => `bench-latency-${k}`;

function benchRule(k: number): KeywordRule {
  return {
    id: ruleIdOf(k),
    name: `压测 ${k}`,
    kind: 'keyword',
    enabled: true,
    severity: 'critical',
    hint: '压测',
    cooldownSec: 3600,
    anyOf: [phraseOf(k)],
    allOf: [],
    noneOf: [],
    windowSec: 30,
    minCount: THRESHOLD,
    minDistinctUsers: THRESHOLD,
  };
}

/**
 * Runs in the page (plain JavaScript text: a tsx-compiled function would carry helper calls the
 * page does not have). Records when each alert id first shows in the bar.
 */
const PAGE_PROBE = `(() => {
  window.__alertSeen = {};
  const check = () => {
    const bar = document.querySelector('[data-testid="alert-bar"]');
    const id = bar && bar.getAttribute('data-alert-id');
    if (id && !(id in window.__alertSeen)) window.__alertSeen[id] = performance.timeOrigin + performance.now();
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-alert-id'] });
  check();
})()`;

const callApi = <T>(web: WebCli, method: string, args: unknown[]) => callWebApi<T>(web, method, args, 10_000);

/**
 * A second subscriber beside the page, in this process: when each alert id first arrives in a
 * board update. Splits the latency into the core's part (send → push) and the page's.
 */
function watchPushes(web: WebCli): { seen: Map<number, number>; close: () => void } {
  const seen = new Map<number, number>();
  const socket = connectClient(web.url, {
    transports: ['websocket'],
    auth: { token: TOKEN },
    forceNew: true,
  });
  socket.on(WEB_UPDATE_EVENT, (update: BoardUpdate) => {
    const now = Date.now();
    for (const alert of update.alerts?.recent ?? []) if (!seen.has(alert.id)) seen.set(alert.id, now);
  });
  return { seen, close: () => socket.close() };
}

interface Pending {
  text: string;
  userId: string;
}

/** The load: RATE comments/s in 50 ms batches, stats every second; matching comments ride along. */
class LoadSender {
  private seq = 0;
  private sent = 0;
  private n = 0;
  private readonly started = Date.now();
  private readonly queue: Pending[] = [];
  /** Set when a batch carrying the crossing comment goes out: its Date.now() send time. */
  private crossing: { k: number; resolve: (sentAt: number) => void } | null = null;
  private crossingText: string | null = null;
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  constructor(private readonly socket: FeedSocket) {}

  start(): void {
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
    this.timers.push(
      setInterval(() => {
        this.seq += 1;
        this.socket.emit('stats', statsEvent(this.seq));
      }, 1000),
    );
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
  }

  /** Threshold − 1 matching comments now (distinct viewers), the crossing one a moment later. */
  burst(k: number): Promise<number> {
    for (let i = 0; i < THRESHOLD - 1; i++)
      this.queue.push({ text: `${phraseOf(k)}，卡吗${i}`, userId: `b${k}-${i}` });
    return new Promise((resolve) => {
      setTimeout(() => {
        this.crossingText = `${phraseOf(k)}！`;
        this.crossing = { k, resolve };
      }, 300);
    });
  }

  private tick(): void {
    const due = Math.floor(((Date.now() - this.started) / 1000) * RATE) - this.sent;
    if (due <= 0) return;
    const now = Date.now();
    const items = [];
    for (let i = 0; i < due; i++) {
      this.n += 1;
      const extra = i === 0 ? this.queue.shift() : undefined;
      items.push({
        id: `c${this.n}`,
        ts: now,
        userId: extra?.userId ?? `u${this.n % 5000}`,
        nickname: `观众${this.n % 5000}`,
        text: extra?.text ?? CHATTER[this.n % CHATTER.length]!,
      });
    }
    const crossing = this.crossing;
    if (crossing && this.crossingText) {
      this.n += 1;
      items.push({
        id: `c${this.n}`,
        ts: now,
        userId: `b${crossing.k}-x`,
        nickname: '压测观众',
        text: this.crossingText,
      });
      this.crossing = null;
      this.crossingText = null;
    }
    this.sent += due;
    this.seq += 1;
    const sentAt = Date.now();
    this.socket.emit('comments', { seq: this.seq, items });
    crossing?.resolve(sentAt);
  }
}

function statsEvent(seq: number) {
  // 100 online: below every metric rule's minOnline, so only the keyword rules speak.
  return stats(seq, 0, { ts: Date.now(), online: 100 });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchAlertLatency(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-alert-bench-'));
  const feed = await startScriptedFeed(
    helloOnConnect(
      { id: 'bench-room', title: '告警延迟压测' },
      { id: `alert-bench-${Date.now()}`, title: '告警延迟压测' },
    ),
  );
  const web = await startWebCli(
    ['--data-dir', dataDir, '--source', 'socketio', '--url', feed.url, '--room', 'bench-room'],
    TOKEN,
  );
  const browser = await launchChromium();
  let load: LoadSender | null = null;
  const pushes = watchPushes(web);
  try {
    for (let k = 1; k <= SAMPLES; k++) await callApi(web, 'saveAlertRule', [{ rule: benchRule(k) }]);
    const deadline = Date.now() + 10_000;
    while (!feed.socket) {
      if (Date.now() > deadline) throw new Error('the web host did not connect to the feed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    load = new LoadSender(feed.socket!);
    load.start();

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${web.url}?token=${TOKEN}`);
    await page.locator('[data-testid="comment-row"]').first().waitFor({ timeout: 20_000 });
    await page.evaluate(PAGE_PROBE);
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));

    const sentAt = new Map<string, number>();
    for (let k = 1; k <= SAMPLES; k++) {
      sentAt.set(ruleIdOf(k), await load.burst(k));
      await new Promise((resolve) => setTimeout(resolve, BURST_EVERY_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    load.stop();

    const seen = (await page.evaluate('window.__alertSeen')) as Record<string, number>;
    const alerts = await callApi<AlertView[]>(web, 'listAlerts', [{ limit: 1000 }]);
    const latencies: number[] = [];
    const pushLatencies: number[] = [];
    let missed = 0;
    for (const alert of alerts) {
      const sent = sentAt.get(alert.ruleId);
      if (sent === undefined) continue;
      const pushed = pushes.seen.get(alert.id);
      if (pushed !== undefined) pushLatencies.push(pushed - sent);
      const shown = seen[String(alert.id)];
      if (shown === undefined) missed += 1;
      else latencies.push(shown - sent);
    }
    const others = alerts.filter((a) => !sentAt.has(a.ruleId)).map((a) => a.ruleId);
    if (latencies.length < SAMPLES) {
      throw new Error(`only ${latencies.length} of ${SAMPLES} alerts measured (${missed} never shown)`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const pushSorted = [...pushLatencies].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    const note = `${RATE} comments/s over socket.io, ${SAMPLES} bursts, Chromium 1366×768; other alerts raised: ${others.length ? others.join(', ') : 'none'}; bar ≤ 250 ms`;
    return [
      {
        name: 'alert-latency-p50',
        value: round(pct(sorted, 50)),
        unit: 'ms (crossing comment sent → alert in DOM)',
        min: round(sorted[0]!),
        max: round(sorted.at(-1)!),
        runs: sorted.length,
        note,
      },
      {
        name: 'alert-latency-p95',
        value: round(pct(sorted, 95)),
        unit: 'ms',
        min: round(sorted[0]!),
        max: round(sorted.at(-1)!),
        runs: sorted.length,
      },
      {
        name: 'alert-push-p50',
        value: round(pct(pushSorted, 50)),
        unit: 'ms (crossing comment sent → update with the alert at a socket.io client)',
        min: round(pushSorted[0] ?? 0),
        max: round(pushSorted.at(-1) ?? 0),
        runs: pushSorted.length,
        note: `p95 ${round(pct(pushSorted, 95))} ms: the core's share of the latency`,
      },
    ];
  } finally {
    load?.stop();
    pushes.close();
    await browser.close();
    await web.stop();
    await feed.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('alert-latency.ts')) {
  benchAlertLatency()
    .then((results) =>
      console.table(
        results.map(({ name, value, unit, min, max, runs, note }) => ({
          name,
          value,
          unit,
          min,
          max,
          runs,
          note,
        })),
      ),
    )
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
