/**
 * A big finished show for export measurements, made directly in SQLite (no feed, no soak): an
 * 8-hour show with N comments (Chinese text 5–30 characters, some emoji, commas, quotes, line
 * breaks and formula-looking starts), its per-minute rollups (report-rows counts comments from
 * them), and M questions, a third answered with one of a few dozen FAQ entries. Deterministic for
 * the seed. Not a benchmark itself: generation is never part of a figure.
 *
 *   npx tsx scripts/bench/synthetic-show.ts --dir /tmp/ld-big [--comments 14700000] [--questions 7300000] [--seed 1]
 */
import fs from 'node:fs';
import path from 'node:path';
import { DB_FILE_NAME, Store } from '../../electron/core/store/store.js';
import { Prng } from '../../electron/core/sim/prng.js';

interface Args {
  dir: string;
  comments: number;
  questions: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dir: '', comments: 14_700_000, questions: 7_300_000, seed: 1 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--dir') args.dir = value;
    else if (flag === '--comments' || flag === '--questions' || flag === '--seed') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag}: not a count: ${value}`);
      args[flag.slice(2) as 'comments' | 'questions' | 'seed'] = n;
    } else throw new Error(`unknown flag ${flag}`);
  }
  if (args.dir === '') throw new Error('--dir is required');
  return args;
}

/** The simulator's seeded generator (mulberry32), as a function. */
function prng(seed: number): () => number {
  const p = new Prng(seed);
  return () => p.next();
}

const HAN = Array.from(
  '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明社长话拿问款码颜色尺寸发货包邮优惠链接主播宝贝',
);
const EXTRAS = ['😀', '👍', '🔥', '❤️', '，', ',', '"', '？', '！', '\n', '#', '~'];
const FORMULA = ['=', '+', '-', '@', '＝'];

function textOf(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = rand() < 0.002 ? FORMULA[Math.floor(rand() * FORMULA.length)]! : '';
  for (let i = 0; i < n; i++) {
    s += rand() < 0.04 ? EXTRAS[Math.floor(rand() * EXTRAS.length)]! : HAN[Math.floor(rand() * HAN.length)]!;
  }
  return s;
}

const HOURS = 8;
const MINUTE = 60_000;
const TX_ROWS = 2000;

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(args.dir, { recursive: true });
  const file = path.join(args.dir, DB_FILE_NAME);
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
  const store = new Store(file);
  const db = store.db;
  const rand = prng(args.seed);
  const startedAt = Date.UTC(2026, 10, 11, 11, 0, 0);
  const durationMs = HOURS * 3600_000;
  const showId = `synthetic-${args.seed}`;
  store.upsertShow({
    id: showId,
    title: '双11 八小时专场（合成数据）',
    roomId: 'room-synthetic',
    roomTitle: '合成直播间',
    platform: 'sim',
    startedAt,
    endedAt: startedAt + durationMs,
    lastSeq: args.comments,
    source: 'sim',
  });

  const users = Array.from({ length: 200_000 }, (_, i) => ({
    id: `u${(i * 7919 + 13).toString(36)}`,
    nickname: textOf(rand, 2, 8),
  }));
  const started = performance.now();
  const insertComment = db.prepare(
    'INSERT INTO comments (show_id, id, seq, ts, user_id, nickname, text, fan_club, truncated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const perMinute = new Map<number, number>();
  const commentTx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ts = startedAt + Math.floor((i / args.comments) * durationMs);
      const u = users[Math.floor(rand() * users.length)]!;
      insertComment.run(
        showId,
        `c${i.toString(36)}`,
        i + 1,
        ts,
        u.id,
        u.nickname,
        textOf(rand, 5, 30),
        rand() < 0.2 ? 1 : 0,
        rand() < 0.001 ? 1 : 0,
      );
      const minute = Math.floor(ts / MINUTE) * MINUTE;
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
  });
  for (let i = 0; i < args.comments; i += TX_ROWS) {
    commentTx(i, Math.min(args.comments, i + TX_ROWS));
    if (i % 1_000_000 === 0) process.stderr.write(`comments ${i}\n`);
  }
  const insertRollup = db.prepare(
    'INSERT INTO minute_rollups (show_id, minute, comments, orders, gmv, online_min, online_max, online_last) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const [minute, n] of perMinute) {
      const online = 20_000 + Math.floor(rand() * 30_000);
      insertRollup.run(
        showId,
        minute,
        n,
        Math.floor(n / 50),
        Math.floor(n / 50) * 9900,
        online - 500,
        online,
        online,
      );
    }
  })();

  const faqIds = Array.from({ length: 40 }, (_, i) => `faq-${i}`);
  const insertFaq = db.prepare(
    'INSERT INTO faq_entries (id, position, category, triggers, answer, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    faqIds.forEach((id, i) =>
      insertFaq.run(
        id,
        i,
        '常见问题',
        JSON.stringify([`${textOf(rand, 3, 8)}？`, textOf(rand, 2, 5)]),
        textOf(rand, 10, 40),
        startedAt,
      ),
    );
  })();
  const insertQuestion = db.prepare(
    `INSERT INTO questions (show_id, comment_id, ts, seen_at, user_id, nickname, text, group_key, suggestions, state, answered_at, answered_faq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
  );
  const questionTx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ts = startedAt + Math.floor((i / Math.max(1, args.questions)) * durationMs);
      const u = users[Math.floor(rand() * users.length)]!;
      const r = rand();
      const state = r < 0.35 ? 'answered' : r < 0.45 ? 'dismissed' : 'pending';
      const answered = state === 'answered';
      insertQuestion.run(
        showId,
        `c${(i * 2).toString(36)}`,
        ts,
        ts + 300,
        u.id,
        u.nickname,
        `${textOf(rand, 4, 20)}？`,
        `g${Math.floor(rand() * 500)}`,
        state,
        answered ? ts + 300 + Math.floor(rand() * 120_000) : null,
        answered && rand() < 0.8 ? faqIds[Math.floor(rand() * faqIds.length)]! : null,
      );
    }
  });
  for (let i = 0; i < args.questions; i += TX_ROWS) {
    questionTx(i, Math.min(args.questions, i + TX_ROWS));
    if (i % 1_000_000 === 0) process.stderr.write(`questions ${i}\n`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const mb = fs.statSync(file).size / 2 ** 20;
  console.log(
    JSON.stringify({
      dataDir: args.dir,
      showId,
      comments: args.comments,
      questions: args.questions,
      dbMB: Math.round(mb),
      seconds: Math.round((performance.now() - started) / 1000),
    }),
  );
}

main();
