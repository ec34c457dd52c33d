/**
 * The 广告法 word list answers are checked against: the user's edited list (a setting), or the
 * one shipped in resources/compliance/ad-law-words.json. Both are validated when read; a broken
 * setting falls back to the shipped list, a missing shipped file to an empty one.
 */
import { z } from 'zod';
import type { ComplianceWords } from '../../../shared/api/replies.js';
import { ComplianceFileSchema } from '../../../shared/faq/compliance.js';
import type { Store } from '../store/store.js';
import { defaultResourcesRoot, readResource } from './resources.js';

export const COMPLIANCE_SETTING = 'faq.compliance';
export const COMPLIANCE_FILE = 'compliance/ad-law-words.json';

const listWord = z.string().trim().min(1).max(20);
const EditedList = z.object({
  words: z.array(listWord).max(2000),
  exceptions: z.array(listWord).max(2000),
});

const distinct = (list: readonly string[]) => [...new Set(list)];

export class ComplianceWordsService {
  private shipped: ComplianceWords | null = null;
  private readonly resourcesDir: string;

  constructor(
    private readonly store: Store,
    resourcesDir?: string,
  ) {
    this.resourcesDir = resourcesDir ?? defaultResourcesRoot();
  }

  private shippedList(): ComplianceWords {
    if (!this.shipped) {
      try {
        const file = readResource(this.resourcesDir, COMPLIANCE_FILE, ComplianceFileSchema);
        this.shipped = {
          words: distinct(file.words),
          exceptions: distinct(file.exceptions),
          isDefault: true,
        };
      } catch (err) {
        console.error(`compliance words: ${err instanceof Error ? err.message : String(err)}`);
        return { words: [], exceptions: [], isDefault: true };
      }
    }
    return { ...this.shipped, words: [...this.shipped.words], exceptions: [...this.shipped.exceptions] };
  }

  get(): ComplianceWords {
    const raw = this.store.getSetting(COMPLIANCE_SETTING);
    if (raw !== null) {
      try {
        const parsed = EditedList.safeParse(JSON.parse(raw));
        if (parsed.success) return { ...parsed.data, isDefault: false };
      } catch {
        // not JSON: fall back to the shipped list
      }
    }
    return this.shippedList();
  }

  /** null: back to the shipped list. Repeated words are kept once. */
  set(list: { words: readonly string[]; exceptions: readonly string[] } | null): ComplianceWords {
    if (list === null) {
      this.store.setSetting(COMPLIANCE_SETTING, 'null');
      return this.get();
    }
    const parsed = EditedList.parse(list);
    const edited = { words: distinct(parsed.words), exceptions: distinct(parsed.exceptions) };
    this.store.setSetting(COMPLIANCE_SETTING, JSON.stringify(edited));
    return { ...edited, isDefault: false };
  }
}
