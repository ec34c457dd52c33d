/**
 * The one place that writes SQLite. better-sqlite3, WAL, statements prepared once,
 * every write batch in one transaction (with the show's last_seq, so a restart resumes
 * exactly after what was stored).
 */
import Database from 'better-sqlite3';
import type { CommentRow, FeedGap, InvalidSample } from '../../../shared/api/contract.js';
import { SOURCE_KINDS, type SourceKind } from '../../../shared/api/sources.js';
import type { ShowTargets } from '../../../shared/metrics/targets.js';
import type { StatsCounters } from '../../../shared/metrics/formulas.js';
import type { ProductStats, StatsEvent } from '../../../shared/protocol/feed.js';
import { AlertsRepo } from './alerts-repo.js';
import { BulkInsert } from './bulk-insert.js';
import { CommentCsvLog, commentCsvDir } from './comment-csv-log.js';
import { FaqRepo } from './faq-repo.js';
import { SCHEMA_VERSION, migrate } from './migrations/index.js';
import { OperationsRepo } from './operations-repo.js';
import { QuestionsRepo } from './questions-repo.js';
import { ReportTextsRepo } from './report-texts-repo.js';
import type { BatchWritten, MinuteRollup, NewComment, ShowRecord, WriteBatch, WriteResult } from './types.js';

export const DB_FILE_NAME = 'livedesk.db';
const MINUTE = 60_000;

export interface StoreOptions {
  nativeBinding?: string;
  /**
   * A reader beside the app's writer (export worker, CLI): no migration, no write pragmas, and a
   * schema other than this app's is refused (it could not read it right, and may not change it).
   */
  readonly?: boolean;
}

interface ShowRow {
  id: string;
  room_id: string;
  room_title: string;
  platform: string;
  title: string;
  started_at: number;
  ended_at: number | null;
  last_seq: number;
  source: string;
}

interface CommentDbRow {
  row_id: number;
  id: string;
  seq: number;
  ts: number;
  user_id: string;
  nickname: string;
  text: string;
  fan_club: number;
  truncated: number;
}

const toShow = (r: ShowRow): ShowRecord => ({
  id: r.id,
  roomId: r.room_id,
  roomTitle: r.room_title,
  platform: r.platform,
  title: r.title,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  lastSeq: r.last_seq,
  source: isSourceKind(r.source) ? r.source : 'sim',
});

const toComment = (r: CommentDbRow): CommentRow => ({
  rowId: r.row_id,
  id: r.id,
  seq: r.seq,
  ts: r.ts,
  userId: r.user_id,
  nickname: r.nickname,
  text: r.text,
  fanClub: r.fan_club === 1,
  truncated: r.truncated === 1,
});

function countersOf(stats: StatsEvent): StatsCounters {
  // The pipeline's events also carry `type`; the stored counters are the counters only.
  const {
    seq: _seq,
    products: _products,
    type: _type,
    ...counters
  } = stats as StatsEvent & { type?: string };
  return counters;
}

function isSourceKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value);
}

export class Store {
  readonly db: Database.Database;
  /** The FAQ library and the reply workflow's questions (schema v4). */
  readonly faq: FaqRepo;
  readonly questions: QuestionsRepo;
  /** The field controller's alerts (schema v5). */
  readonly alerts: AlertsRepo;
  /** Checklist runs and incidents (schema v6). */
  readonly operations: OperationsRepo;
  /** Names and edited text of the post-show / period summaries (schema v7). */
  readonly reportTexts: ReportTextsRepo;
  /** Each show's comments as CSV lines, written as they are stored (schema v9). */
  readonly commentLog: CommentCsvLog;
  private readonly stmt;
  private readonly insertComments: BulkInsert;

  constructor(file: string, options: StoreOptions = {}) {
    this.db = new Database(file, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
    });
    if (options.readonly) {
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('temp_store = MEMORY');
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version !== SCHEMA_VERSION) {
        this.db.close();
        throw new Error(
          `database schema v${version} is not this app's (v${SCHEMA_VERSION}); open it with the app once, or update LiveDesk`,
        );
      }
    } else {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('temp_store = MEMORY');
      try {
        migrate(this.db);
      } catch (err) {
        this.db.close();
        throw err;
      }
    }
    const db = this.db;
    this.faq = new FaqRepo(db);
    this.questions = new QuestionsRepo(db, this.faq);
    this.alerts = new AlertsRepo(db);
    this.operations = new OperationsRepo(db);
    this.reportTexts = new ReportTextsRepo(db);
    this.commentLog = new CommentCsvLog(db, commentCsvDir(file));
    this.insertComments = new BulkInsert(
      db,
      'comments',
      ['show_id', 'id', 'seq', 'ts', 'user_id', 'nickname', 'text', 'fan_club', 'truncated'],
      ['show_id', 'id'],
    );
    this.stmt = {
      upsertShow: db.prepare(`
        INSERT INTO shows (id, room_id, room_title, platform, title, started_at, ended_at, last_seq, source, created_at)
        VALUES (@id, @roomId, @roomTitle, @platform, @title, @startedAt, @endedAt, @lastSeq, @source, @createdAt)
        ON CONFLICT(id) DO UPDATE SET room_title = excluded.room_title, platform = excluded.platform,
          title = excluded.title, started_at = excluded.started_at`),
      getShow: db.prepare<[string], ShowRow>('SELECT * FROM shows WHERE id = ?'),
      latestShowInRoom: db.prepare<[string], ShowRow>(
        'SELECT * FROM shows WHERE room_id = ? ORDER BY started_at DESC LIMIT 1',
      ),
      setLastSeq: db.prepare('UPDATE shows SET last_seq = max(last_seq, ?) WHERE id = ?'),
      setEnded: db.prepare('UPDATE shows SET ended_at = ? WHERE id = ?'),
      insertOrder: db.prepare(`
        INSERT OR IGNORE INTO orders (show_id, id, seq, ts, product_id, qty, amount, buyer_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      insertStats: db.prepare(
        'INSERT OR IGNORE INTO stats (show_id, seq, ts, counters, products) VALUES (?, ?, ?, ?, ?)',
      ),
      upsertProduct: db.prepare(`
        INSERT INTO products (show_id, id, name, price, stock, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(show_id, id) DO UPDATE SET name = excluded.name, price = excluded.price,
          stock = excluded.stock, last_seen = excluded.last_seen`),
      insertSwitch: db.prepare(
        'INSERT OR IGNORE INTO product_switches (show_id, seq, ts, product_id) VALUES (?, ?, ?, ?)',
      ),
      upsertRollup: db.prepare(`
        INSERT INTO minute_rollups (show_id, minute, comments, orders, gmv, online_min, online_max, online_last, counters)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(show_id, minute) DO UPDATE SET
          comments = comments + excluded.comments,
          orders = orders + excluded.orders,
          gmv = gmv + excluded.gmv,
          online_min = coalesce(min(online_min, excluded.online_min), online_min, excluded.online_min),
          online_max = coalesce(max(online_max, excluded.online_max), online_max, excluded.online_max),
          online_last = coalesce(excluded.online_last, online_last),
          counters = coalesce(excluded.counters, counters)`),
      insertGap: db.prepare(
        'INSERT OR IGNORE INTO feed_gaps (show_id, after_seq, resumed_seq, missing, detected_at, feed_ts) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      listShows: db.prepare<[], ShowRow>('SELECT * FROM shows ORDER BY started_at DESC'),
      rollupsSince: db.prepare<[string, number], MinuteRollupRow & { counters: string | null }>(
        'SELECT minute, comments, orders, gmv, online_min, online_max, online_last, counters FROM minute_rollups WHERE show_id = ? AND minute >= ? ORDER BY minute',
      ),
      productSwitches: db.prepare<[string], { ts: number; id: string; name: string | null }>(
        `SELECT s.ts, s.product_id AS id, p.name FROM product_switches s
         LEFT JOIN products p ON p.show_id = s.show_id AND p.id = s.product_id
         WHERE s.show_id = ? ORDER BY s.seq`,
      ),
      getTargets: db.prepare<[string], TargetsRow>('SELECT * FROM show_targets WHERE show_id = ?'),
      setTargets: db.prepare(`
        INSERT INTO show_targets (show_id, gmv, peak_online, new_followers, planned_minutes, updated_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(show_id) DO UPDATE SET gmv = excluded.gmv, peak_online = excluded.peak_online,
          new_followers = excluded.new_followers, planned_minutes = excluded.planned_minutes,
          updated_at = excluded.updated_at`),
      insertInvalid: db.prepare(
        'INSERT INTO invalid_events (show_id, at, type, reason, sample) VALUES (?, ?, ?, ?, ?)',
      ),
      recentComments: db.prepare<[string, number], CommentDbRow>(
        'SELECT * FROM comments WHERE show_id = ? ORDER BY row_id DESC LIMIT ?',
      ),
      commentsBefore: db.prepare<[string, number, number], CommentDbRow>(
        'SELECT * FROM comments WHERE show_id = ? AND row_id < ? ORDER BY row_id DESC LIMIT ?',
      ),
      countComments: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM comments WHERE show_id = ?',
      ),
      latestStats: db.prepare<[string], { counters: string; products: string | null; seq: number }>(
        'SELECT seq, counters, products FROM stats WHERE show_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      statsSince: db.prepare<[string, number], { counters: string }>(
        'SELECT counters FROM stats WHERE show_id = ? AND ts >= ? ORDER BY ts',
      ),
      peakOnlineBefore: db.prepare<[string, number], { peak: number | null }>(
        'SELECT max(online_max) AS peak FROM minute_rollups WHERE show_id = ? AND minute + 60000 <= ?',
      ),
      peakOnline: db.prepare<[string], { peak: number | null }>(
        'SELECT max(online_max) AS peak FROM minute_rollups WHERE show_id = ?',
      ),
      gaps: db.prepare<
        [string],
        {
          after_seq: number;
          resumed_seq: number;
          missing: number;
          detected_at: number;
          feed_ts: number | null;
        }
      >('SELECT * FROM feed_gaps WHERE show_id = ? ORDER BY after_seq'),
      invalidSamples: db.prepare<[number], InvalidSample>(
        'SELECT at, type, reason, sample FROM invalid_events ORDER BY id DESC LIMIT ?',
      ),
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      setSetting: db.prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ),
      productNames: db.prepare<[string], { id: string; name: string }>(
        'SELECT id, name FROM products WHERE show_id = ?',
      ),
      currentProduct: db.prepare<
        [string],
        { id: string; name: string; price: number; stock: number | null; since: number }
      >(`SELECT p.id, p.name, p.price, p.stock, s.ts AS since FROM product_switches s
         JOIN products p ON p.show_id = s.show_id AND p.id = s.product_id
         WHERE s.show_id = ? ORDER BY s.seq DESC LIMIT 1`),
    };
  }

  upsertShow(show: ShowRecord): void {
    this.stmt.upsertShow.run({ ...show, createdAt: Date.now() });
  }

  getShow(id: string): ShowRecord | null {
    const row = this.stmt.getShow.get(id);
    return row ? toShow(row) : null;
  }

  latestShowInRoom(roomId: string): ShowRecord | null {
    const row = this.stmt.latestShowInRoom.get(roomId);
    return row ? toShow(row) : null;
  }

  /** Writes one batch in one transaction. Comments and orders already stored are skipped and counted. */
  writeBatch(batch: WriteBatch): WriteResult {
    const { rowIds, duplicateComments, duplicateOrders } = this.writeBatchIds(batch);
    const stored: CommentRow[] = [];
    batch.comments.forEach((c, i) => {
      const rowId = rowIds[i]!;
      if (rowId > 0) stored.push({ ...c, rowId });
    });
    return { stored, duplicateComments, duplicateOrders };
  }

  /**
   * writeBatch's message-shaped twin (what the writer thread answers): the comments' row ids in
   * batch order, 0 for a duplicate, instead of a copy of every stored row.
   */
  writeBatchIds(batch: WriteBatch): BatchWritten {
    return this.writeTx(batch);
  }

  /**
   * Several batches in one transaction, in order (all or none): the writer thread catches up this
   * way when batches queue behind it — one commit writes each touched index page once, not once
   * per batch.
   */
  writeBatchesIds(batches: readonly WriteBatch[]): BatchWritten[] {
    return this.db.transaction(() => batches.map((b) => this.write(b)))();
  }

  private readonly writeTx = (batch: WriteBatch): BatchWritten =>
    this.db.transaction(() => this.write(batch))();

  private write(b: WriteBatch): BatchWritten {
    const s = this.stmt;
    const rollups = new Map<number, RollupDelta>();
    const rollup = (ts: number) => {
      const minute = Math.floor(ts / MINUTE) * MINUTE;
      let r = rollups.get(minute);
      if (!r) {
        r = {
          comments: 0,
          orders: 0,
          gmv: 0,
          onlineMin: null,
          onlineMax: null,
          onlineLast: null,
          counters: null,
        };
        rollups.set(minute, r);
      }
      return r;
    };

    let duplicateComments = 0;
    const stored: NewComment[] = [];
    let firstRowId = 0;
    const comments = b.comments;
    // Each comment's row id; 0: already stored (the feed repeated it).
    const rowIds = this.insertComments.run(
      comments.length,
      (args, o, i) => {
        const c = comments[i]!;
        args[o] = b.showId;
        args[o + 1] = c.id;
        args[o + 2] = c.seq;
        args[o + 3] = c.ts;
        args[o + 4] = c.userId;
        args[o + 5] = c.nickname;
        args[o + 6] = c.text;
        args[o + 7] = c.fanClub ? 1 : 0;
        args[o + 8] = c.truncated ? 1 : 0;
      },
      (i, [showId, id]) => showId === b.showId && id === comments[i]!.id,
    );
    for (let i = 0; i < comments.length; i++) {
      const c = comments[i]!;
      if (rowIds[i] === 0) {
        duplicateComments++;
        continue;
      }
      if (stored.length === 0) firstRowId = rowIds[i]!;
      stored.push(c);
      rollup(c.ts).comments++;
    }
    this.commentLog.append(b.showId, stored, firstRowId);

    let duplicateOrders = 0;
    for (const o of b.orders) {
      const info = s.insertOrder.run(b.showId, o.id, o.seq, o.ts, o.productId, o.qty, o.amount, o.buyerId);
      if (info.changes === 0) {
        duplicateOrders++;
        continue;
      }
      const r = rollup(o.ts);
      r.orders++;
      r.gmv += o.amount;
    }

    for (const st of b.stats) {
      const counters = JSON.stringify(countersOf(st));
      s.insertStats.run(b.showId, st.seq, st.ts, counters, st.products ? JSON.stringify(st.products) : null);
      const r = rollup(st.ts);
      r.onlineMin = r.onlineMin === null ? st.online : Math.min(r.onlineMin, st.online);
      r.onlineMax = r.onlineMax === null ? st.online : Math.max(r.onlineMax, st.online);
      r.onlineLast = st.online;
      r.counters = counters;
    }

    for (const p of b.products) {
      s.upsertProduct.run(b.showId, p.id, p.name, p.price, p.stock ?? null, p.ts, p.ts);
      s.insertSwitch.run(b.showId, p.seq, p.ts, p.id);
    }
    for (const [minute, r] of rollups) {
      s.upsertRollup.run(
        b.showId,
        minute,
        r.comments,
        r.orders,
        r.gmv,
        r.onlineMin,
        r.onlineMax,
        r.onlineLast,
        r.counters,
      );
    }
    for (const g of b.gaps)
      s.insertGap.run(b.showId, g.afterSeq, g.resumedSeq, g.missing, g.detectedAt, g.feedTs ?? null);
    for (const i of b.invalid) s.insertInvalid.run(b.showId, i.at, i.type, i.reason, i.sample);
    if (b.endedAt !== null) {
      s.setEnded.run(b.endedAt, b.showId);
      this.commentLog.sync(b.showId);
    }
    s.setLastSeq.run(b.lastSeq, b.showId);
    return { rowIds, duplicateComments, duplicateOrders };
  }

  recentComments(showId: string, limit: number): CommentRow[] {
    return this.stmt.recentComments.all(showId, limit).map(toComment).reverse();
  }

  /** Older comments for paging: newest-first below `beforeRowId`, returned oldest first. */
  commentsBefore(showId: string, beforeRowId: number, limit: number): CommentRow[] {
    return this.stmt.commentsBefore.all(showId, beforeRowId, limit).map(toComment).reverse();
  }

  countComments(showId: string): number {
    return this.stmt.countComments.get(showId)?.n ?? 0;
  }

  latestStats(showId: string): { seq: number; counters: StatsCounters; products: ProductStats[] } | null {
    const row = this.stmt.latestStats.get(showId);
    if (!row) return null;
    return {
      seq: row.seq,
      counters: JSON.parse(row.counters) as StatsCounters,
      products: row.products ? (JSON.parse(row.products) as ProductStats[]) : [],
    };
  }

  statsSince(showId: string, ts: number): StatsCounters[] {
    return this.stmt.statsSince.all(showId, ts).map((r) => JSON.parse(r.counters) as StatsCounters);
  }

  peakOnline(showId: string): number {
    return this.stmt.peakOnline.get(showId)?.peak ?? 0;
  }

  /** Peak online over the whole minutes that ended by `ts`. */
  peakOnlineBefore(showId: string, ts: number): number {
    return this.stmt.peakOnlineBefore.get(showId, ts)?.peak ?? 0;
  }

  gaps(showId: string): FeedGap[] {
    return this.stmt.gaps.all(showId).map((g) => ({
      afterSeq: g.after_seq,
      resumedSeq: g.resumed_seq,
      missing: g.missing,
      detectedAt: g.detected_at,
      feedTs: g.feed_ts,
    }));
  }

  invalidSamples(limit: number): InvalidSample[] {
    return this.stmt.invalidSamples.all(limit);
  }

  listShows(): ShowRecord[] {
    return this.stmt.listShows.all().map(toShow);
  }

  /** Per-minute rollups from `sinceMinute` on, with the last cumulative counters of each minute. */
  rollupsSince(showId: string, sinceMinute: number): (MinuteRollup & { counters: StatsCounters | null })[] {
    return this.stmt.rollupsSince.all(showId, sinceMinute).map((r) => ({
      minute: r.minute,
      comments: r.comments,
      orders: r.orders,
      gmv: r.gmv,
      onlineMin: r.online_min,
      onlineMax: r.online_max,
      onlineLast: r.online_last,
      counters: r.counters ? (JSON.parse(r.counters) as StatsCounters) : null,
    }));
  }

  productSwitches(showId: string): { ts: number; id: string; name: string | null }[] {
    return this.stmt.productSwitches.all(showId);
  }

  getTargets(showId: string): ShowTargets | null {
    const r = this.stmt.getTargets.get(showId);
    return r
      ? {
          gmv: r.gmv,
          peakOnline: r.peak_online,
          newFollowers: r.new_followers,
          plannedMinutes: r.planned_minutes,
        }
      : null;
  }

  setTargets(showId: string, t: ShowTargets): void {
    this.stmt.setTargets.run(showId, t.gmv, t.peakOnline, t.newFollowers, t.plannedMinutes, Date.now());
  }

  productNames(showId: string): Map<string, string> {
    return new Map(this.stmt.productNames.all(showId).map((r) => [r.id, r.name]));
  }

  currentProduct(showId: string) {
    return this.stmt.currentProduct.get(showId) ?? null;
  }

  private closeHooks: (() => void)[] = [];

  /** Runs `hook` after a clean close (used to remove the open marker). */
  onClose(hook: () => void): void {
    this.closeHooks.push(hook);
  }

  getSetting(key: string): string | null {
    return this.stmt.getSetting.get(key)?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.stmt.setSetting.run(key, value, Date.now());
  }

  close(): void {
    if (!this.db.open) return;
    this.commentLog.close();
    this.db.close();
    for (const hook of this.closeHooks.splice(0)) hook();
  }
}

/** One minute's increments within a batch, plus the last counters seen (JSON). */
type RollupDelta = Omit<MinuteRollup, 'minute'> & { counters: string | null };

interface TargetsRow {
  gmv: number | null;
  peak_online: number | null;
  new_followers: number | null;
  planned_minutes: number | null;
}

interface MinuteRollupRow {
  minute: number;
  comments: number;
  orders: number;
  gmv: number;
  online_min: number | null;
  online_max: number | null;
  online_last: number | null;
}
