/**
 * A fixed-seed simulated show stored through the real core (pipeline → SQLite → FAQ questions →
 * keyword alerts → checklist and incidents through the service), on the show's own clock, with
 * what a team does during it: the checklist half done before the start, the oldest question
 * groups answered every few seconds, alerts acknowledged, one incident answered late and
 * resolved, one left open. Same options, same database.
 */
import path from 'node:path';
import { MetricsEngine } from '../../../electron/core/engines/metrics-engine.js';
import { IngestPipeline } from '../../../electron/core/ingest/pipeline.js';
import type { MonoClock } from '../../../electron/core/operations/monotonic.js';
import { Recorder } from '../../../electron/core/recording/recorder.js';
import { CoreService } from '../../../electron/core/service.js';
import { ShowModel } from '../../../electron/core/sim/show-model.js';
import { SourceController } from '../../../electron/core/source-controller.js';
import { openStore } from '../../../electron/core/store/open-store.js';

const MINUTE = 60_000;

export interface SimReportShowOptions {
  seed: number;
  rate: number;
  minutes: number;
  startedAt: number;
  showId: string;
  roomId: string;
  title: string;
  /** Run the team's actions (checklist, answers, acks, incidents); false: a bare show. */
  team: boolean;
}

export async function storeReportShow(dataDir: string, o: SimReportShowOptions): Promise<void> {
  const { store } = openStore(dataDir);
  let clock = o.startedAt - 30 * MINUTE;
  const now = () => clock;
  const monoClock: MonoClock = { bootId: `report-${o.showId}`, now };
  const metrics = new MetricsEngine();
  const recorder = new Recorder({ dir: path.join(dataDir, 'recordings') });
  let service: CoreService | null = null;
  const pipeline = new IngestPipeline({
    store,
    metrics,
    sourceKind: 'sim',
    now,
    storageRetryMs: 60_000,
    onStored: (rows, showId) => service?.onStored(rows, showId),
  });
  const controller = new SourceController(
    { pipeline, recorder },
    { kind: 'sim', rate: o.rate, seed: o.seed, speed: 1, durationMs: 1 },
  );
  const core = new CoreService({
    store,
    pipeline,
    metrics,
    controller,
    recorder,
    now,
    monoClock,
    questionRetryMs: 60_000,
  });
  service = core;
  try {
    if (o.team) {
      // Half an hour before: two items checked, one of them out of range; the rest left open.
      const run = core.getChecklist({});
      core.updateChecklistItem({ runId: run.id, itemId: 'camera-resolution', measured: '1080P' });
      core.updateChecklistItem({ runId: run.id, itemId: 'camera-fps', measured: '20' });
    }
    clock = o.startedAt;
    const model = new ShowModel({
      seed: o.seed,
      rate: o.rate,
      startedAt: o.startedAt,
      durationMs: o.minutes * MINUTE,
      showId: o.showId,
      roomId: o.roomId,
      title: o.title,
    });
    pipeline.handleHello(model.hello(o.startedAt));
    if (o.team) core.getChecklist({}); // the show takes the prepared run (with a start warning)
    let nextAnswer = o.startedAt + 5_000;
    let nextAck = o.startedAt + MINUTE;
    let late: number | null = null;
    let steps = 0;
    while (!model.done) {
      for (const { type, ...payload } of model.step()) pipeline.handleEvent(type, payload);
      clock = model.simTime;
      if (++steps % 10 === 0) pipeline.flush();
      if (!o.team) continue;
      const elapsed = clock - o.startedAt;
      if (clock >= nextAnswer) {
        nextAnswer += 5_000;
        for (const group of core.getReplies().pending.slice(0, 2))
          core.answerQuestions({ groupKey: group.key, faqId: group.suggestions[0]?.faqId ?? null });
      }
      if (clock >= nextAck) {
        nextAck += 3 * MINUTE;
        for (const alert of core
          .listAlerts({ limit: 1000 })
          .filter((a) => a.state === 'open')
          .slice(0, 2))
          core.ackAlert({ id: alert.id, by: '场控小王' });
      }
      if (late === null && elapsed >= 5 * MINUTE) {
        pipeline.flush();
        late = core.openIncident({ type: 'network_down', severity: 'high', title: '网络中断' }).id;
      }
      if (late !== null && elapsed >= 11 * MINUTE && elapsed < 11 * MINUTE + 100)
        core.updateIncident({ id: late, step: { index: 0, done: true } }); // 6 minutes after: late
      if (late !== null && elapsed >= 13 * MINUTE && elapsed < 13 * MINUTE + 100)
        core.updateIncident({ id: late, resolved: true, note: '切换备用网络后恢复' });
      if (elapsed >= 15 * MINUTE && elapsed < 15 * MINUTE + 100) {
        pipeline.flush();
        core.openIncident({ type: 'black_screen', severity: 'medium' });
      }
    }
    pipeline.flush();
    core.alerts.flush();
    core.tracker.writeWaiting();
  } finally {
    pipeline.stop();
    core.stop();
    await recorder.close();
    store.close();
  }
}
