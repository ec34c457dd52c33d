/** The web host over real HTTP and socket.io, on the in-process demo feed. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveDesk, type LiveDeskRuntime } from '../../electron/core/runtime.js';
import { startWebHost, type WebHost } from '../../electron/web/server.js';
import type {
  AlertView,
  BoardUpdate,
  ChecklistRun,
  IncidentView,
  QuestionView,
  ReplyKpis,
} from '../../shared/api/contract.js';
import type { ExportJobView, PeriodReport, ShowReport } from '../../shared/api/report.js';
import { METRIC_KEYS } from '../../shared/metrics/definitions.js';
import { get } from '../helpers/http.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { waitFor, waitForAsync } from '../helpers/wait.js';

const TOKEN = 'test-token-0123456789';
let tmp: ReturnType<typeof makeTempDir>;
let runtime: LiveDeskRuntime;
let web: WebHost;
let staticDir: string;

beforeAll(async () => {
  tmp = makeTempDir();
  staticDir = path.join(tmp.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>LiveDesk</title>');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'outside the static root');
  runtime = await startLiveDesk({
    source: { kind: 'sim', seed: 3, rate: 200, speed: 20, durationMs: 3 * 3600_000 },
    dataDir: path.join(tmp.dir, 'data'),
    port: 0,
    host: '127.0.0.1',
  });
  web = await startWebHost({ service: runtime.service, token: TOKEN, staticDir, port: 0 });
  await waitFor(() => runtime.service.getMetrics(), 'first stats');
});

afterAll(async () => {
  await web?.close();
  await runtime?.stop();
  tmp?.cleanup();
});

describe('web host', () => {
  it('serves /api/metrics keyed as in DOMAIN.md, with the feed status', async () => {
    const res = await get(`${web.url}api/metrics?token=${TOKEN}`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    for (const key of METRIC_KEYS) expect(body).toHaveProperty(key);
    expect(typeof body.online).toBe('number');
    expect(body.conversionRate === null || (body.conversionRate as number) < 1).toBe(true);
    expect(body.feed).toMatchObject({ source: 'sim', connected: true, invalid: 0 });
    expect((body.feed as { eventsByType: { stats: number } }).eventsByType.stats).toBeGreaterThan(0);
  });

  it('lists shows and serves the trend over HTTP', async () => {
    const shows = JSON.parse((await get(`${web.url}api/shows?token=${TOKEN}`)).body) as { id: string }[];
    expect(shows).toHaveLength(1);
    type Trend = { minutes: unknown[]; markers: { kind: string }[] };
    const readTrend = async () =>
      JSON.parse((await get(`${web.url}api/trend?token=${TOKEN}&showId=${shows[0]!.id}`)).body) as Trend;
    // The demo's opening stats come before its first product: wait for the product's marker.
    const trend = await waitForAsync(async () => {
      const t = await readTrend();
      return t.markers.some((m) => m.kind === 'product') ? t : null;
    }, 'the first product on the trend');
    expect(trend.minutes.length).toBeGreaterThan(0);
    expect((await get(`${web.url}api/trend?token=${TOKEN}&sinceMinute=-1`)).status).toBe(400);
  });

  it('serves the reply workflow: /api/questions and /api/kpis/replies', async () => {
    await waitFor(() => runtime.service.getReplies().pendingQuestions >= 3, 'three viewer questions');
    const res = await get(`${web.url}api/questions?token=${TOKEN}&state=pending&limit=3`);
    expect(res.status).toBe(200);
    const questions = JSON.parse(res.body) as QuestionView[];
    expect(questions).toHaveLength(3);
    expect(questions.every((q) => q.state === 'pending' && q.responseMs === null)).toBe(true);
    expect(questions.map((q) => q.id)).toEqual([...questions.map((q) => q.id)].sort((a, b) => b - a));
    const showId = questions[0]!.showId;
    const kpis = JSON.parse((await get(`${web.url}api/kpis/replies?token=${TOKEN}`)).body) as ReplyKpis;
    expect(kpis).toMatchObject({ showId, dismissed: 0 });
    expect(kpis.questions).toBeGreaterThanOrEqual(3);
    expect(kpis.answered + kpis.pending).toBe(kpis.questions);
    const other = await get(`${web.url}api/kpis/replies?token=${TOKEN}&showId=no-such-show`);
    expect(JSON.parse(other.body)).toMatchObject({ showId: 'no-such-show', questions: 0 });
    for (const [query, name] of [
      ['state=maybe', 'state'],
      ['limit=abc', 'limit'],
      ['limit=1001', 'limit'],
      ['showId=', 'showId'],
    ] as const) {
      const bad = await get(`${web.url}api/questions?token=${TOKEN}&${query}`);
      expect(bad.status, query).toBe(400);
      expect(JSON.parse(bad.body).error).toMatch(new RegExp(name));
    }
    expect((await get(`${web.url}api/kpis/replies?token=${TOKEN}&showId=`)).status).toBe(400);
  });

  it("serves the show's alerts: /api/alerts, newest first, with evidence; bad parameters are a 400", async () => {
    // A rule the demo's chat fires at once (the default thresholds take simulated minutes).
    runtime.service.saveAlertRule({
      rule: {
        id: 'test-chatter',
        name: '测试：主播',
        kind: 'keyword',
        enabled: true,
        severity: 'info',
        hint: '测试',
        cooldownSec: 0,
        anyOf: ['主播', '链接', '多少'],
        allOf: [],
        noneOf: [],
        windowSec: 60,
        minCount: 3,
        minDistinctUsers: 2,
      },
    });
    await waitFor(() => runtime.service.listAlerts({ limit: 2 }).length >= 2, 'two alerts', 10_000);
    const res = await get(`${web.url}api/alerts?token=${TOKEN}&limit=2`);
    expect(res.status).toBe(200);
    const list = JSON.parse(res.body) as AlertView[];
    expect(list).toHaveLength(2);
    expect(list[0]!.id).toBeGreaterThan(list[1]!.id);
    const keyword = list[0]!;
    expect(keyword).toMatchObject({ ruleId: 'test-chatter', kind: 'keyword', count: 3 });
    expect(keyword.samples).toHaveLength(3);
    expect(keyword.distinctUsers).toBeGreaterThanOrEqual(2);
    expect(keyword.message).toMatch(/3 条相关评论/);
    for (const a of list) {
      expect(a).toMatchObject({ state: 'open', showId: runtime.service.getSnapshot().show!.id });
      expect(a.count).toBeGreaterThan(0);
      expect(a.firstAt).toBeLessThanOrEqual(a.lastAt);
    }
    const other = await get(`${web.url}api/alerts?token=${TOKEN}&showId=no-such-show`);
    expect(JSON.parse(other.body)).toEqual([]);
    for (const [query, name] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1001', 'limit'],
      ['showId=', 'showId'],
    ] as const) {
      const bad = await get(`${web.url}api/alerts?token=${TOKEN}&${query}`);
      expect(bad.status, query).toBe(400);
      expect(JSON.parse(bad.body).error).toMatch(new RegExp(name));
    }
  });

  it('serves the incident log and the current checklist: /api/incidents, /api/checklists/current', async () => {
    const showId = runtime.service.getSnapshot().show!.id;
    const first = runtime.service.openIncident({ type: 'network_down', severity: 'high', title: '直播中断' });
    const second = runtime.service.openIncident({ type: 'device_failure', severity: 'medium' });
    runtime.service.updateIncident({ id: first.id, step: { index: 0, done: true } });
    const res = await get(`${web.url}api/incidents?token=${TOKEN}&limit=2`);
    expect(res.status).toBe(200);
    const list = JSON.parse(res.body) as IncidentView[];
    expect(list.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(list[1]).toMatchObject({ showId, type: 'network_down', title: '直播中断' });
    expect(list[1]!.steps[0]!.doneAt).not.toBeNull();
    expect(list[1]!.respondedAt).not.toBeNull();
    expect(list[1]!.feedTs).toBeGreaterThan(0);
    const other = await get(`${web.url}api/incidents?token=${TOKEN}&showId=no-such-show`);
    expect(JSON.parse(other.body)).toEqual([]);
    for (const [query, name] of [
      ['limit=0', 'limit'],
      ['limit=x', 'limit'],
      ['showId=', 'showId'],
    ] as const) {
      const bad = await get(`${web.url}api/incidents?token=${TOKEN}&${query}`);
      expect(bad.status, query).toBe(400);
      expect(JSON.parse(bad.body).error).toMatch(new RegExp(name));
    }

    const checklist = await get(`${web.url}api/checklists/current?token=${TOKEN}`);
    expect(checklist.status).toBe(200);
    const run = JSON.parse(checklist.body) as ChecklistRun;
    expect(run).toMatchObject({ showId, startWarning: null });
    expect(run.items.find((i) => i.id === 'mic-sensitivity')?.expected).toMatchObject({
      kind: 'range',
      unit: 'dB',
    });
    expect(run.progress.total).toBe(run.items.length);
    expect(JSON.parse((await get(`${web.url}api/checklists/current?token=${TOKEN}`)).body).id).toBe(run.id);
  });

  it('accepts the token as a Bearer header too', async () => {
    expect((await get(`${web.url}api/feed`, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await get(`${web.url}api/metrics`)).status).toBe(401);
    expect((await get(`${web.url}api/metrics?token=nope`)).status).toBe(401);
  });

  it('refuses a foreign Host header with 403 (DNS rebinding)', async () => {
    const res = await get(`${web.url}api/metrics?token=${TOKEN}`, { host: `evil.example:${web.port}` });
    expect(res.status).toBe(403);
  });

  it('validates query parameters and answers 400, 404 and 405 clearly', async () => {
    const bad = await get(`${web.url}api/comments?token=${TOKEN}&limit=0`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/limit/);
    expect((await get(`${web.url}api/nope?token=${TOKEN}`)).status).toBe(404);
  });

  it('serves the renderer without escaping its folder', async () => {
    const page = await get(web.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect((await get(`${web.url}..%2fsecret.txt`)).status).toBe(404);
    expect((await get(`${web.url}%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('answers calls and pushes batched updates over socket.io, with the token', async () => {
    const socket = io(web.url, { transports: ['websocket'], auth: { token: TOKEN }, forceNew: true });
    try {
      const updates: BoardUpdate[] = [];
      socket.on('update', (u: BoardUpdate) => updates.push(u));
      const snapshot = (await socket.emitWithAck('call', 'getSnapshot', [])) as {
        ok: boolean;
        result: { show: { id: string } };
      };
      expect(snapshot.ok).toBe(true);
      expect(snapshot.result.show.id).toBeTruthy();
      const bad = (await socket.emitWithAck('call', 'getComments', [{ limit: 100_000 }])) as {
        ok: boolean;
        error: string;
      };
      expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/limit/) });
      const unknown = (await socket.emitWithAck('call', 'dropDatabase', [])) as {
        ok: boolean;
        error: string;
      };
      expect(unknown.ok).toBe(false);

      const started = Date.now();
      await waitFor(
        () => updates.length >= 10 && updates.some((u) => u.comments.length > 0),
        'ten updates with comments',
      );
      const elapsed = Date.now() - started;
      // Batched: never more than ~10 updates a second, however fast comments arrive.
      expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    } finally {
      socket.close();
    }
  });

  it('refuses a socket without the right token', async () => {
    const socket = io(web.url, {
      transports: ['websocket'],
      auth: { token: 'nope' },
      forceNew: true,
      reconnection: false,
    });
    const message = await new Promise<string>((resolve) =>
      socket.on('connect_error', (err) => resolve(err.message)),
    );
    socket.close();
    expect(message).toMatch(/^401/);
  });
});

describe('web host: report and export downloads', () => {
  /** A raw GET that keeps the body as bytes. */
  function getBytes(
    url: string,
  ): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      http
        .get(url, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
          );
        })
        .on('error', reject);
    });
  }

  async function finishedJob(jobId: string): Promise<ExportJobView> {
    await waitFor(() => runtime.service.getExportJob({ jobId })?.state !== 'running', 'the export', 30_000);
    return runtime.service.getExportJob({ jobId })!;
  }

  it('downloads a finished export: Chinese name (RFC 5987), content type, the exact bytes', async () => {
    const showId = runtime.service.listShows()[0]!.id;
    const job = await finishedJob(
      runtime.service.startExport({ scope: { kind: 'show', showId }, format: 'xlsx' }).jobId,
    );
    expect(job.state, job.error ?? '').toBe('done');
    const res = await getBytes(`${web.url}api/exports/${job.jobId}?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(\S+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe(job.file!.name);
    expect(job.file!.name).toMatch(/^直播工作总结_.+\.xlsx$/);
    expect(res.body.equals(fs.readFileSync(job.file!.path))).toBe(true);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);

    expect((await getBytes(`${web.url}api/exports/${job.jobId}`)).status).toBe(401);
    expect((await getBytes(`${web.url}api/exports/${job.jobId}?token=wrong-token-000`)).status).toBe(401);
  });

  it('answers 404 for an unknown job, a running one, and anything that is not a job id', async () => {
    const showId = runtime.service.listShows()[0]!.id;
    const running = runtime.service.startExport({ scope: { kind: 'show', showId }, format: 'csv' });
    try {
      const res = await get(`${web.url}api/exports/${running.jobId}?token=${TOKEN}`);
      expect(res.status).toBe(404);
      expect(res.body).toMatch(/running/);
    } finally {
      runtime.service.cancelExport({ jobId: running.jobId });
    }
    expect((await get(`${web.url}api/exports/exp-1-999?token=${TOKEN}`)).status).toBe(404);
    for (const bad of ['..%2F..%2Fsecret.txt', '%2Fetc%2Fpasswd', 'EXP-1-1', ''])
      expect((await get(`${web.url}api/exports/${bad}?token=${TOKEN}`)).status).toBe(404);
    const cancelled = await finishedJob(running.jobId);
    expect((await get(`${web.url}api/exports/${cancelled.jobId}?token=${TOKEN}`)).status).toBe(404);
  });

  it('serves /api/report as getReport does, for a show and a period', async () => {
    const showId = runtime.service.listShows()[0]!.id;
    const res = await get(`${web.url}api/report?token=${TOKEN}&show=latest`);
    expect(res.status, res.body).toBe(200);
    const viaHttp = JSON.parse(res.body) as ShowReport;
    const direct = runtime.service.getReport({ scope: { kind: 'show', showId } }) as ShowReport;
    // The show is live: figures only grow between the two reads; what it is does not change.
    expect(viaHttp.kind).toBe('show');
    expect(viaHttp.show).toEqual(direct.show);
    expect(viaHttp.startAt).toBe(direct.startAt);
    expect(viaHttp.generatedAt).toBeLessThanOrEqual(direct.generatedAt);
    expect(viaHttp.comments.total).toBeGreaterThan(0);
    expect(viaHttp.comments.total).toBeLessThanOrEqual(direct.comments.total);
    expect(Object.keys(viaHttp).sort()).toEqual(Object.keys(direct).sort());
    const byId = JSON.parse(
      (await get(`${web.url}api/report?token=${TOKEN}&show=${showId}`)).body,
    ) as ShowReport;
    expect(byId.show.id).toBe(showId);

    const day = new Date(direct.show.startedAt);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const period = await get(`${web.url}api/report?token=${TOKEN}&from=${iso}&to=${iso}`);
    expect(period.status, period.body).toBe(200);
    const viaHttpPeriod = JSON.parse(period.body) as PeriodReport;
    const directPeriod = runtime.service.getReport({
      scope: { kind: 'period', from: iso, to: iso, roomId: null },
    }) as PeriodReport;
    expect(viaHttpPeriod).toMatchObject({ kind: 'period', from: iso, to: iso, roomId: null });
    expect(viaHttpPeriod.shows.map((s) => s.id)).toEqual(directPeriod.shows.map((s) => s.id));

    const room = await get(`${web.url}api/report?token=${TOKEN}&from=${iso}&to=${iso}&room=no-such-room`);
    expect(room.status).toBe(404);
    expect(room.body).toMatch(/no shows between .* in room no-such-room/);
    const unknown = await get(`${web.url}api/report?token=${TOKEN}&show=no-such-show`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatch(/no such show: no-such-show/);
  });

  it('answers /api/report with 400 for bad days and 401 without the token', async () => {
    const bad = await get(`${web.url}api/report?token=${TOKEN}&from=2026-02-30&to=2026-03-01`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/calendar day/);
    const reversed = await get(`${web.url}api/report?token=${TOKEN}&from=2026-03-02&to=2026-03-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatch(/from is after to/);
    expect((await get(`${web.url}api/report?token=${TOKEN}`)).status).toBe(400);
    expect((await get(`${web.url}api/report?show=latest`)).status).toBe(401);
  });
});
