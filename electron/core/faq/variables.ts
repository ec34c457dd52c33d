/**
 * {变量} values per show. A show keeps its own values (show_vars); one that has none yet starts
 * with the values saved most recently (for any show, or for "the next show" while none runs),
 * else with the shipped library's defaults. 商品 and 到手价 come from the feed (auto) and lose to a
 * non-blank user value.
 */
import { z } from 'zod';
import type { CurrentProduct } from '../../../shared/api/contract.js';
import type { FaqVariables } from '../../../shared/api/replies.js';
import { autoVariables, isVariableName } from '../../../shared/faq/variables.js';
import type { Store } from '../store/store.js';
import type { FaqLibraryService } from './library.js';
import { LibraryError } from './library-checks.js';

/** The values saved last: what the next show (or a show without its own) starts with. */
export const LAST_VARS_SETTING = 'faq.vars.last';
export const MAX_VARIABLES = 500;

const StoredValues = z.record(z.string().min(1).max(20), z.string().max(200));

function parseValues(json: string | null): Record<string, string> | null {
  if (json === null) return null;
  try {
    const parsed = StoredValues.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The user's values, checked: names must be fillable ({…} without braces or spaces). */
export function checkValues(values: Readonly<Record<string, string>>): Record<string, string> {
  const names = Object.keys(values);
  if (names.length > MAX_VARIABLES) {
    throw new LibraryError(`变量最多 ${MAX_VARIABLES} 个`, `at most ${MAX_VARIABLES} variables`);
  }
  const bad = names.find((name) => !isVariableName(name));
  if (bad !== undefined) {
    throw new LibraryError(
      `变量名“${bad}”无效：1–20 个字，不含空格和 { }`,
      `variable name "${bad}": 1–20 characters, no spaces or braces`,
    );
  }
  return { ...values };
}

export interface FaqVariablesOptions {
  store: Store;
  library: FaqLibraryService;
  now?: () => number;
}

export class FaqVariablesService {
  private readonly now: () => number;

  constructor(private readonly opts: FaqVariablesOptions) {
    this.now = opts.now ?? Date.now;
  }

  private inherited(): Record<string, string> {
    return parseValues(this.opts.store.getSetting(LAST_VARS_SETTING)) ?? this.opts.library.defaultVariables();
  }

  /**
   * A show's values (null: the next show's). `adopt`: a show without values of its own keeps the
   * inherited ones from now on (the current show), so later edits elsewhere do not change it.
   */
  values(showId: string | null, adopt = false): Record<string, string> {
    if (showId === null) return this.inherited();
    const own = parseValues(this.opts.store.faq.showVars(showId));
    if (own) return own;
    const inherited = this.inherited();
    if (adopt) {
      try {
        this.opts.store.faq.setShowVars(showId, JSON.stringify(inherited), this.now());
      } catch {
        // Storage paused (disk full): the values still apply; they are adopted on a later read.
      }
    }
    return inherited;
  }

  /** Saves a show's values (null: the next show's); they also become what a new show starts with. */
  set(showId: string | null, values: Readonly<Record<string, string>>): Record<string, string> {
    const checked = checkValues(values);
    const json = JSON.stringify(checked);
    this.opts.store.faq.inTransaction(() => {
      if (showId !== null) this.opts.store.faq.setShowVars(showId, json, this.now());
      this.opts.store.setSetting(LAST_VARS_SETTING, json);
    });
    return checked;
  }

  view(showId: string | null, product: CurrentProduct | null, adopt = false): FaqVariables {
    return {
      showId,
      values: this.values(showId, adopt),
      auto: autoVariables(product),
      used: this.opts.library.usedVariables(),
    };
  }
}
