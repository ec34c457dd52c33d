/**
 * The FAQ library (话术库) service: the entries in the user's order with their usage, kept in
 * memory and in SQLite, and the FaqMatcher new comments are matched with. Every change to the
 * content bumps `revision` (the board's faqRevision) and rebuilds the matcher on next use; usage
 * counters change without a revision bump (they move with every question).
 *
 * First start: the library is seeded once from resources/faq/default-library.json. A setting
 * remembers it, so a user who deletes every entry gets an empty library, not the seed again.
 */
import type {
  FaqEntryInput,
  FaqEntryView,
  FaqExportFile,
  FaqFileFormat,
  FaqImportResult,
  FaqLibraryView,
  FaqUsage,
  ImportFaqArgs,
} from '../../../shared/api/replies.js';
import type { FaqUsageRecorded } from '../../../shared/api/contract.js';
import { FaqLibrarySchema, type FaqEntry } from '../../../shared/faq/entry.js';
import { variablesOf } from '../../../shared/faq/variables.js';
import type { StoredFaqEntry } from '../store/faq-repo.js';
import type { Store } from '../store/store.js';
import { FaqFileError, readFaqFile, writeFaqFile } from './io/index.js';
import {
  checkHotkeysUnique,
  filePlace,
  LibraryError,
  MAX_ENTRIES,
  parseEntryInput,
} from './library-checks.js';
import { FaqMatcher } from './matcher.js';
import { defaultResourcesRoot, readResource } from './resources.js';
import { searchKeysOf } from './search-keys.js';

export const SEEDED_SETTING = 'faq.seeded';
export const DEFAULT_LIBRARY_FILE = 'faq/default-library.json';

export interface FaqLibraryOptions {
  store: Store;
  /** The app's resources folder (default: the repo's resources/). */
  resourcesDir?: string;
  now?: () => number;
  /**
   * Waits for usage counts still on their way to SQLite (questions with the writer thread): an
   * import writes the counts it holds in memory, which already include them.
   */
  settleWrites?: () => void;
}

const NO_USAGE: FaqUsage = { suggested: 0, used: 0, lastUsedAt: null };

/** Sorted the way a Chinese reader expects (by pinyin), stable across runs. */
const byChinese = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');

export class FaqLibraryService {
  private entries: StoredFaqEntry[] = [];
  private byId = new Map<string, StoredFaqEntry>();
  private compiled: FaqMatcher | null = null;
  private defaults: Record<string, string> | null = null;
  private idCounter = 0;
  private readonly resourcesDir: string;
  private readonly now: () => number;
  /** Bumped on every change of content; starts at 1 so a renderer's initial 0 refetches. */
  revision = 1;

  constructor(private readonly opts: FaqLibraryOptions) {
    this.resourcesDir = opts.resourcesDir ?? defaultResourcesRoot();
    this.now = opts.now ?? Date.now;
    this.seedOnce();
    this.setEntries(opts.store.faq.all());
  }

  private seedOnce(): void {
    const { store } = this.opts;
    if (store.getSetting(SEEDED_SETTING) !== null || store.faq.count() > 0) return;
    const seed = this.readSeed();
    if (!seed) return; // unreadable resource: start empty and try again next start
    store.faq.inTransaction(() => {
      store.faq.replaceAll(
        seed.entries.map((entry) => ({ entry, usage: NO_USAGE })),
        this.now(),
      );
      store.setSetting(SEEDED_SETTING, JSON.stringify({ at: this.now(), entries: seed.entries.length }));
    });
  }

  private readSeed() {
    try {
      return readResource(this.resourcesDir, DEFAULT_LIBRARY_FILE, FaqLibrarySchema);
    } catch (err) {
      console.error(`FAQ library: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  /** The shipped library's {变量} values: what a show starts with when nothing was ever saved. */
  defaultVariables(): Record<string, string> {
    this.defaults ??= this.readSeed()?.variables ?? {};
    return { ...this.defaults };
  }

  private setEntries(entries: StoredFaqEntry[]): void {
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.entry.id, e]));
  }

  private changed(): void {
    this.revision++;
    this.compiled = null;
  }

  /** The matcher for new comments (rebuilt after a change, on first use). */
  get matcher(): FaqMatcher {
    this.compiled ??= new FaqMatcher(this.entries.map((e) => e.entry));
    return this.compiled;
  }

  entry(id: string): FaqEntry | null {
    return this.byId.get(id)?.entry ?? null;
  }

  private viewOf(stored: StoredFaqEntry): FaqEntryView {
    return { ...stored.entry, usage: { ...stored.usage }, search: searchKeysOf(stored.entry) };
  }

  view(): FaqLibraryView {
    const names = new Set(this.entries.flatMap((e) => variablesOf(e.entry.answer)));
    return {
      entries: this.entries.map((e) => this.viewOf(e)),
      variables: [...names].sort(byChinese),
      revision: this.revision,
    };
  }

  /** {变量} names the enabled answers use, sorted. */
  usedVariables(): string[] {
    const names = new Set(this.entries.flatMap((e) => (e.entry.enabled ? variablesOf(e.entry.answer) : [])));
    return [...names].sort(byChinese);
  }

  private newId(): string {
    for (;;) {
      const id = `faq-${this.now().toString(36)}${(this.idCounter++).toString(36)}`;
      if (!this.byId.has(id)) return id;
    }
  }

  /** Creates (no id, or an unknown one; appended) or replaces an entry (keeps place and usage). */
  save(input: FaqEntryInput): FaqEntryView {
    const parsed = parseEntryInput(input);
    const entry: FaqEntry = { ...parsed, id: parsed.id ?? this.newId() };
    const existing = this.byId.get(entry.id);
    if (!existing && this.entries.length >= MAX_ENTRIES) {
      throw new LibraryError(
        `话术库最多 ${MAX_ENTRIES} 条`,
        `the library holds at most ${MAX_ENTRIES} entries`,
      );
    }
    const clash = entry.hotkey ? this.entries.find((e) => e.entry.hotkey === entry.hotkey) : undefined;
    if (clash && clash.entry.id !== entry.id) {
      throw new LibraryError(
        `快捷键 ${entry.hotkey} 已被条目“${clash.entry.id}”使用`,
        `hotkey ${entry.hotkey} is already used by entry "${clash.entry.id}"`,
      );
    }
    this.opts.store.faq.save(entry, this.now());
    const stored: StoredFaqEntry = { entry, usage: existing?.usage ?? { ...NO_USAGE } };
    if (existing) this.setEntries(this.entries.map((e) => (e === existing ? stored : e)));
    else this.setEntries([...this.entries, stored]);
    this.changed();
    return this.viewOf(stored);
  }

  /** false when there was no such entry. */
  delete(id: string): boolean {
    if (!this.byId.has(id)) return false;
    this.opts.store.faq.delete(id);
    this.setEntries(this.entries.filter((e) => e.entry.id !== id));
    this.changed();
    return true;
  }

  /** The new order must name every entry exactly once; otherwise nothing changes. */
  reorder(ids: readonly string[]): FaqLibraryView {
    const seen = new Set<string>();
    for (const id of ids) {
      if (!this.byId.has(id)) throw new LibraryError(`没有条目“${id}”`, `reorder: no entry "${id}"`);
      if (seen.has(id)) throw new LibraryError(`条目“${id}”出现了两次`, `reorder: "${id}" appears twice`);
      seen.add(id);
    }
    const missing = this.entries.find((e) => !seen.has(e.entry.id));
    if (missing) {
      throw new LibraryError(
        `新顺序缺少条目“${missing.entry.id}”（应列出全部 ${this.entries.length} 条）`,
        `reorder: "${missing.entry.id}" is missing (list all ${this.entries.length} ids)`,
      );
    }
    this.opts.store.faq.setOrder(ids);
    this.setEntries(ids.map((id) => this.byId.get(id) as StoredFaqEntry));
    this.changed();
    return this.view();
  }

  /**
   * Reads a file and applies it whole, in one transaction, or not at all. `applyVariables` runs
   * inside that transaction with the file's {变量} values (when it has any).
   */
  async import(
    args: ImportFaqArgs,
    applyVariables: (values: Record<string, string>) => void,
  ): Promise<FaqImportResult> {
    let file;
    try {
      const data = args.encoding === 'base64' ? Buffer.from(args.data, 'base64') : args.data;
      file = await readFaqFile(args.format, data);
    } catch (err) {
      if (err instanceof FaqFileError)
        return { ok: false, error: err.message, row: err.row, column: err.column };
      return { ok: false, error: err instanceof Error ? err.message : String(err), row: null, column: null };
    }
    try {
      const result = this.resultOf(file.entries, args.mode, args.format);
      this.opts.settleWrites?.();
      this.opts.store.faq.inTransaction(() => {
        this.opts.store.faq.replaceAll(result.entries, this.now());
        if (file.variables) applyVariables(file.variables);
      });
      this.setEntries(result.entries);
      this.changed();
      const { added, updated, removed } = result;
      return { ok: true, added, updated, removed, total: result.entries.length };
    } catch (err) {
      if (err instanceof LibraryError)
        return { ok: false, error: err.message, row: err.row, column: err.column };
      throw err;
    }
  }

  /** The library an import would leave, with what it adds, replaces and removes. */
  private resultOf(inputs: readonly FaqEntryInput[], mode: 'merge' | 'replace', format: FaqFileFormat) {
    // The reader skips blank sheet rows and does not say where each entry was: a row is
    // counted as if there were none (the message also quotes the entry's first trigger).
    const fromFile = inputs.map((input, index) => {
      const place = filePlace(format, index);
      const parsed = parseEntryInput(input, place);
      const entry: FaqEntry = { ...parsed, id: parsed.id ?? this.newId() };
      return { entry, place };
    });
    const fileIds = new Set(fromFile.map((f) => f.entry.id));
    const usageOf = (id: string): FaqUsage => ({ ...(this.byId.get(id)?.usage ?? NO_USAGE) });
    const updated = fromFile.filter((f) => this.byId.has(f.entry.id)).length;
    let entries: StoredFaqEntry[];
    let removed = 0;
    if (mode === 'replace') {
      entries = fromFile.map((f) => ({ entry: f.entry, usage: usageOf(f.entry.id) }));
      removed = this.entries.filter((e) => !fileIds.has(e.entry.id)).length;
    } else {
      const replacing = new Map(fromFile.map((f) => [f.entry.id, f.entry]));
      entries = this.entries.map((e) => ({
        entry: replacing.get(e.entry.id) ?? e.entry,
        usage: { ...e.usage },
      }));
      for (const f of fromFile)
        if (!this.byId.has(f.entry.id)) entries.push({ entry: f.entry, usage: { ...NO_USAGE } });
    }
    if (entries.length > MAX_ENTRIES) {
      throw new LibraryError(
        `导入后共 ${entries.length} 条，超过上限 ${MAX_ENTRIES} 条`,
        `the library would hold ${entries.length} entries, more than ${MAX_ENTRIES}`,
      );
    }
    checkHotkeysUnique(entries, new Map(fromFile.map((f) => [f.entry, f.place])));
    return { entries, added: fromFile.length - updated, updated, removed };
  }

  export(format: FaqFileFormat, variables: Record<string, string>): Promise<FaqExportFile> {
    return writeFaqFile(
      format,
      this.entries.map((e) => this.viewOf(e)),
      variables,
    );
  }

  /** Entries offered as suggestions: counted in memory here, in SQLite with the questions. */
  noteSuggested(counts: ReadonlyMap<string, number>): void {
    for (const [id, n] of counts) {
      const stored = this.byId.get(id);
      if (stored) stored.usage.suggested += n;
    }
  }

  /** An answer was copied (the store was told by the caller, with the question it settled). */
  noteUsed(id: string, at: number): number | null {
    const stored = this.byId.get(id);
    if (!stored) return null;
    stored.usage.used++;
    stored.usage.lastUsedAt = at;
    return stored.usage.used;
  }

  /** An answer copied from the library without a question. */
  recordUse(id: string): FaqUsageRecorded {
    if (!this.byId.has(id)) throw new LibraryError(`没有条目“${id}”`, `no FAQ entry "${id}"`);
    const at = this.now();
    this.opts.store.faq.recordUse(id, at);
    return { faqId: id, used: this.noteUsed(id, at) as number };
  }
}
