/**
 * The alert rule set: the shipped rules (resources/alerts/default-rules.json) until the user
 * edits them, then the edited set, stored as one settings document (alerts.rules) — a rule set
 * is small and always changes as a whole. Mutes are a separate setting (alerts.muted) so a reset
 * or an import never has to guess what the controller silenced. Every change bumps `revision`
 * and tells the listener (the engines rebuild).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  AlertRulesExportFile,
  AlertRulesImportResult,
  AlertRulesView,
} from '../../../shared/api/alerts.js';
import type { AlertRule } from '../../../shared/alerts/rules.js';
import { defaultResourcesRoot } from '../faq/resources.js';
import type { Store } from '../store/store.js';
import { AlertRuleError, checkRule, checkUniqueIds, MAX_RULES, parseRuleFile } from './rule-checks.js';

export const RULES_SETTING = 'alerts.rules';
export const MUTED_SETTING = 'alerts.muted';
export const DEFAULT_RULES_FILE = 'alerts/default-rules.json';
export const EXPORT_FILE_NAME = 'livedesk-alert-rules.json';

export interface AlertRuleSetOptions {
  store: Store;
  resourcesDir?: string;
  onChange?: () => void;
}

export class AlertRuleSet {
  private shipped: AlertRule[] | null = null;
  private edited: AlertRule[] | null;
  private mutedIds: Set<string>;
  private readonly resourcesDir: string;
  /** Starts at 1 so a renderer's initial 0 refetches. */
  revision = 1;

  constructor(private readonly opts: AlertRuleSetOptions) {
    this.resourcesDir = opts.resourcesDir ?? defaultResourcesRoot();
    this.edited = this.readEdited();
    this.mutedIds = this.readMuted();
  }

  /** The shipped rules; a missing or broken file gives none (and says so once on the console). */
  defaults(): AlertRule[] {
    if (!this.shipped) {
      const file = path.join(this.resourcesDir, DEFAULT_RULES_FILE);
      try {
        this.shipped = parseRuleFile(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        console.error(`alert rules: ${file}: ${err instanceof Error ? err.message : String(err)}`);
        this.shipped = [];
      }
    }
    return this.shipped;
  }

  private readEdited(): AlertRule[] | null {
    const raw = this.opts.store.getSetting(RULES_SETTING);
    if (raw === null || raw === 'null') return null;
    try {
      return parseRuleFile(raw);
    } catch (err) {
      // A setting written by a newer or broken build: fall back to the shipped set, never crash.
      console.error(`alert rules: saved set ignored: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  private readMuted(): Set<string> {
    try {
      const parsed: unknown = JSON.parse(this.opts.store.getSetting(MUTED_SETTING) ?? '[]');
      return new Set(
        Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [],
      );
    } catch {
      return new Set();
    }
  }

  get rules(): readonly AlertRule[] {
    return this.edited ?? this.defaults();
  }

  isMuted(id: string): boolean {
    return this.mutedIds.has(id);
  }

  rule(id: string): AlertRule | null {
    return this.rules.find((r) => r.id === id) ?? null;
  }

  view(): AlertRulesView {
    return {
      rules: this.rules.map((r) => structuredClone(r)),
      isDefault: this.edited === null,
      muted: this.rules.filter((r) => this.mutedIds.has(r.id)).map((r) => r.id),
      revision: this.revision,
    };
  }

  private commit(rules: AlertRule[] | null): void {
    this.opts.store.setSetting(
      RULES_SETTING,
      rules === null ? 'null' : JSON.stringify({ version: 1, rules }),
    );
    this.edited = rules;
    this.changed();
  }

  private changed(): void {
    this.revision++;
    this.opts.onChange?.();
  }

  /** Creates (new id: appended) or replaces a rule; checked again here, whoever called. */
  save(raw: unknown): AlertRule {
    const rule = checkRule(raw);
    const rules = [...this.rules];
    const at = rules.findIndex((r) => r.id === rule.id);
    if (at >= 0) rules[at] = rule;
    else {
      if (rules.length >= MAX_RULES) {
        throw new AlertRuleError(`最多 ${MAX_RULES} 条规则 · at most ${MAX_RULES} rules`, null, 'id');
      }
      rules.push(rule);
    }
    this.commit(rules);
    return structuredClone(rule);
  }

  delete(id: string): boolean {
    if (!this.rules.some((r) => r.id === id)) return false;
    this.commit(this.rules.filter((r) => r.id !== id));
    if (this.mutedIds.delete(id)) this.writeMuted();
    return true;
  }

  mute(id: string, muted: boolean): AlertRulesView {
    if (!this.rule(id)) throw new AlertRuleError(`没有规则 “${id}” · no alert rule "${id}"`, null, 'id');
    if (muted === this.mutedIds.has(id)) return this.view();
    if (muted) this.mutedIds.add(id);
    else this.mutedIds.delete(id);
    this.writeMuted();
    this.changed();
    return this.view();
  }

  private writeMuted(): void {
    this.opts.store.setSetting(MUTED_SETTING, JSON.stringify([...this.mutedIds]));
  }

  /** Back to the shipped set, nothing muted. */
  reset(): AlertRulesView {
    this.opts.store.db.transaction(() => {
      this.opts.store.setSetting(MUTED_SETTING, '[]');
      this.opts.store.setSetting(RULES_SETTING, 'null');
    })();
    this.mutedIds = new Set();
    this.edited = null;
    this.changed();
    return this.view();
  }

  /** All or nothing: a bad rule anywhere rejects the file, naming the rule (1-based) and field. */
  import(data: string, mode: 'merge' | 'replace'): AlertRulesImportResult {
    let incoming: AlertRule[];
    try {
      incoming = parseRuleFile(data);
    } catch (err) {
      if (err instanceof AlertRuleError)
        return { ok: false, error: err.message, rule: err.rule, field: err.field };
      throw err;
    }
    const current = this.rules;
    const currentIds = new Set(current.map((r) => r.id));
    const incomingIds = new Set(incoming.map((r) => r.id));
    const added = incoming.filter((r) => !currentIds.has(r.id)).length;
    const updated = incoming.length - added;
    let next: AlertRule[];
    let removed = 0;
    if (mode === 'replace') {
      next = incoming;
      removed = current.filter((r) => !incomingIds.has(r.id)).length;
    } else {
      const byId = new Map(incoming.map((r) => [r.id, r]));
      next = [...current.map((r) => byId.get(r.id) ?? r), ...incoming.filter((r) => !currentIds.has(r.id))];
    }
    if (next.length > MAX_RULES) {
      const error = `合并后共 ${next.length} 条规则，最多 ${MAX_RULES} 条 · ${next.length} rules after the merge, at most ${MAX_RULES}`;
      return { ok: false, error, rule: null, field: 'rules' };
    }
    checkUniqueIds(next, false);
    this.commit(next);
    return { ok: true, added, updated, removed, total: next.length };
  }

  export(): AlertRulesExportFile {
    return {
      fileName: EXPORT_FILE_NAME,
      mime: 'application/json',
      encoding: 'utf8',
      data: `${JSON.stringify({ version: 1, rules: this.rules }, null, 2)}\n`,
    };
  }
}
