/**
 * The reply workflow at show scale: comments/s through the question tracker (normalise,
 * isQuestion, match, group key, one SQLite transaction per 200-comment flush), and what a show
 * with 100,000 questions costs afterwards: the replies state after an answer (what each push
 * sends), restoring the show from SQLite (restart / show switch), the KPIs of a stored show
 * (SQL) and the newest 100 questions. Real SQLite file in a temp dir; median of the runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FaqLibraryService } from '../../electron/core/faq/library.js';
import { QuestionTracker } from '../../electron/core/faq/question-tracker.js';
import { openStore } from '../../electron/core/store/open-store.js';
import type { CommentRow } from '../../shared/api/contract.js';
import type { Measurement as BenchResult } from './result.js';

const root = path.resolve(import.meta.dirname, '../..');
const QUESTIONS = 100_000;
const FLUSH = 200;

interface SimComments {
  categories: Record<string, string[]>;
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulator comment lines with their slots filled: what a live room's stream looks like. */
function comments(n: number): string[] {
  const corpus = JSON.parse(
    fs.readFileSync(path.join(root, 'resources/sim/comments.json'), 'utf8'),
  ) as SimComments;
  const templates = Object.values(corpus.categories).flat();
  const random = prng(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const fill: Record<string, () => string> = {
    product: () => pick(['加绒卫衣', '羽绒服', '保温杯', '面霜']),
    link: () => String(1 + Math.floor(random() * 12)),
    color: () => pick(['红色', '黑色', '白色', '燕麦色', '雾霾蓝']),
    size: () => pick(['S', 'M', 'L', 'XL', '2XL']),
    height: () => String(150 + Math.floor(random() * 36)),
    weight: () => String(85 + Math.floor(random() * 96)),
    city: () => pick(['新疆', '上海', '成都', '哈尔滨']),
  };
  return Array.from({ length: n }, () =>
    pick(templates).replace(/\{(\w+)\}/g, (_, slot: string) => fill[slot]?.() ?? '1万'),
  );
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round1 = (x: number) => Math.round(x * 10) / 10;

function result(name: string, values: number[], unit: string, note: string): BenchResult {
  const r = unit === 'ms' ? round1 : Math.round;
  return {
    name,
    value: r(median(values)),
    unit,
    min: r(Math.min(...values)),
    max: r(Math.max(...values)),
    runs: values.length,
    note,
  };
}

/** Times `fn` `runs` times (after one warm-up), in ms. */
function time(runs: number, fn: () => void): number[] {
  fn();
  return Array.from({ length: runs }, () => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
}

export async function benchReplies(runs = 3): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-bench-replies-'));
  const { store } = openStore(dir);
  try {
    const library = new FaqLibraryService({ store, resourcesDir: path.join(root, 'resources') });
    let clock = Date.UTC(2026, 10, 23, 12);
    let showId = 'bench-0';
    const tracker = new QuestionTracker({ store, library, currentShowId: () => showId, now: () => clock });
    const lines = comments(400_000);
    const rates: number[] = [];
    let commentsFed = 0;
    for (let run = 0; run <= runs; run++) {
      showId = `bench-${run}`; // each run fills a fresh show up to 100k questions
      let fed = 0;
      let took = 0;
      while (tracker.state().pendingQuestions < QUESTIONS) {
        const rows: CommentRow[] = lines
          .slice(fed % lines.length, (fed % lines.length) + FLUSH)
          .map((text, i) => ({
            rowId: fed + i,
            id: `c${fed + i}`,
            seq: fed,
            ts: clock,
            userId: `u${(fed + i) % 5000}`,
            nickname: `观众${(fed + i) % 5000}`,
            text,
            fanClub: false,
            truncated: false,
          }));
        clock += 100;
        const started = performance.now();
        tracker.onStored(rows, showId);
        took += performance.now() - started;
        fed += rows.length;
      }
      if (run > 0) rates.push(fed / (took / 1000)); // run 0 warms up
      commentsFed = fed;
    }
    const state = tracker.state();
    const groups = state.pendingGroups;
    const keys = [...state.pending.map((g) => g.key)];
    const afterAnswer = time(20, () => {
      clock += 1000;
      const key = keys.pop();
      if (key) tracker.answer(key, null);
      tracker.state();
    });
    const restore = time(runs, () => {
      const fresh = new QuestionTracker({ store, library, currentShowId: () => showId, now: () => clock });
      fresh.sync();
    });
    const storedKpis = time(runs, () => tracker.kpisOf('bench-1'));
    const newest = time(20, () => store.questions.list(showId, undefined, 100));
    const note = `${QUESTIONS.toLocaleString('en-US')} questions in the show (${groups.toLocaleString('en-US')} groups)`;
    return [
      result(
        'replies-track',
        rates,
        'comments/s',
        `${commentsFed.toLocaleString('en-US')} comments → ${QUESTIONS.toLocaleString('en-US')} questions, ${FLUSH} per flush, ${library.matcher.entryCount} entries`,
      ),
      result(
        'replies-state-after-answer',
        afterAnswer,
        'ms',
        `answer one group + RepliesState with KPIs; ${note}`,
      ),
      result('replies-restore-show', restore, 'ms', `pending groups + KPIs rebuilt from SQLite; ${note}`),
      result(
        'replies-kpis-stored-show',
        storedKpis,
        'ms',
        `getReplyKpis of another show (SQL + accumulator); ${note}`,
      ),
      result('replies-list-newest-100', newest, 'ms', note),
    ];
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchReplies());
}
