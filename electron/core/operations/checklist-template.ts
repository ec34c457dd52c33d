/**
 * The checklist template (设备清单): the shipped one (resources/checklists/default-template.json)
 * until the user saves their own, stored as one settings document. New runs copy the current
 * template's items; a run already made keeps its snapshot.
 */
import path from 'node:path';
import fs from 'node:fs';
import {
  ChecklistTemplateSchema,
  INCIDENT_TYPES,
  type ChecklistTemplate,
} from '../../../shared/api/operations.js';
import type { Store } from '../store/store.js';
import { OperationsError, firstIssue } from './errors.js';

export const TEMPLATE_SETTING = 'operations.checklistTemplate';
export const DEFAULT_TEMPLATE_FILE = 'checklists/default-template.json';

/** A valid template or an OperationsError naming the problem (schema, then what it cannot see). */
export function checkTemplate(raw: unknown): ChecklistTemplate {
  const parsed = ChecklistTemplateSchema.safeParse(raw);
  if (!parsed.success) {
    const problem = firstIssue(parsed.error.issues);
    throw new OperationsError(`清单模板无效：${problem}`, `invalid checklist template: ${problem}`);
  }
  const template = parsed.data;
  template.items.forEach((item, index) => {
    if (item.contingency !== null && !(INCIDENT_TYPES as readonly string[]).includes(item.contingency)) {
      throw new OperationsError(
        `清单模板无效：第 ${index + 1} 项「${item.label}」的应急预案类型「${item.contingency}」不存在`,
        `invalid checklist template: items.${index}.contingency: "${item.contingency}" is not an incident type (${INCIDENT_TYPES.join(', ')})`,
      );
    }
  });
  return template;
}

export class ChecklistTemplates {
  private shipped: ChecklistTemplate | null = null;
  private edited: ChecklistTemplate | null;

  constructor(
    private readonly store: Store,
    private readonly resourcesDir: string,
  ) {
    this.edited = this.readEdited();
  }

  /** The shipped template; a broken file is a packaging bug and says so. */
  defaults(): ChecklistTemplate {
    if (!this.shipped) {
      const file = path.join(this.resourcesDir, DEFAULT_TEMPLATE_FILE);
      let raw: unknown;
      try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
      this.shipped = checkTemplate(raw);
    }
    return this.shipped;
  }

  private readEdited(): ChecklistTemplate | null {
    const raw = this.store.getSetting(TEMPLATE_SETTING);
    if (raw === null || raw === 'null') return null;
    try {
      return checkTemplate(JSON.parse(raw));
    } catch (err) {
      // A setting from a newer or broken build: fall back to the shipped template, never crash.
      console.error(
        `checklist template: saved one ignored: ${err instanceof Error ? err.message : String(err)}`,
      );
      return null;
    }
  }

  get current(): ChecklistTemplate {
    return this.edited ?? this.defaults();
  }

  view(): { template: ChecklistTemplate; isDefault: boolean } {
    return { template: structuredClone(this.current), isDefault: this.edited === null };
  }

  /** null: back to the shipped template. Checked again here, whoever called. */
  save(raw: unknown): { template: ChecklistTemplate; isDefault: boolean } {
    const template = raw === null ? null : checkTemplate(raw);
    this.store.setSetting(TEMPLATE_SETTING, template === null ? 'null' : JSON.stringify(template));
    this.edited = template;
    return this.view();
  }
}
