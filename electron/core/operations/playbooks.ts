/**
 * Playbooks (应急预案): ordered steps per incident type. The shipped set
 * (resources/playbooks/default-playbooks.json) until the user saves their own, stored as one
 * settings document. An incident copies its type's steps when it is opened, so editing a
 * playbook never rewrites an incident's record.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  PlaybookSetSchema,
  type IncidentType,
  type Playbook,
  type PlaybookSet,
  type PlaybooksView,
} from '../../../shared/api/operations.js';
import type { Store } from '../store/store.js';
import { OperationsError, firstIssue } from './errors.js';

export const PLAYBOOKS_SETTING = 'operations.playbooks';
export const DEFAULT_PLAYBOOKS_FILE = 'playbooks/default-playbooks.json';

/** A valid set (one playbook per type at most) or an OperationsError naming the problem. */
export function checkPlaybooks(raw: unknown): PlaybookSet {
  const parsed = PlaybookSetSchema.safeParse(raw);
  if (!parsed.success) {
    const problem = firstIssue(parsed.error.issues);
    throw new OperationsError(`应急预案无效：${problem}`, `invalid playbooks: ${problem}`);
  }
  const seen = new Set<IncidentType>();
  parsed.data.playbooks.forEach((playbook, index) => {
    if (seen.has(playbook.type)) {
      throw new OperationsError(
        `应急预案无效：第 ${index + 1} 个预案的类型「${playbook.type}」重复`,
        `invalid playbooks: playbooks.${index}.type: "${playbook.type}" appears twice`,
      );
    }
    seen.add(playbook.type);
  });
  return parsed.data;
}

export class Playbooks {
  private shipped: PlaybookSet | null = null;
  private edited: PlaybookSet | null;

  constructor(
    private readonly store: Store,
    private readonly resourcesDir: string,
  ) {
    this.edited = this.readEdited();
  }

  defaults(): PlaybookSet {
    if (!this.shipped) {
      const file = path.join(this.resourcesDir, DEFAULT_PLAYBOOKS_FILE);
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      this.shipped = checkPlaybooks(raw);
    }
    return this.shipped;
  }

  private readEdited(): PlaybookSet | null {
    const raw = this.store.getSetting(PLAYBOOKS_SETTING);
    if (raw === null || raw === 'null') return null;
    try {
      return checkPlaybooks(JSON.parse(raw));
    } catch (err) {
      console.error(`playbooks: saved set ignored: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  private get current(): PlaybookSet {
    return this.edited ?? this.defaults();
  }

  /** The type's playbook, if there is one. */
  of(type: IncidentType): Playbook | null {
    return this.current.playbooks.find((p) => p.type === type) ?? null;
  }

  view(): PlaybooksView {
    return { playbooks: structuredClone(this.current.playbooks), isDefault: this.edited === null };
  }

  /** null: back to the shipped set. */
  save(raw: unknown): PlaybooksView {
    const set = raw === null ? null : checkPlaybooks(raw);
    this.store.setSetting(PLAYBOOKS_SETTING, set === null ? 'null' : JSON.stringify(set));
    this.edited = set;
    return this.view();
  }
}
