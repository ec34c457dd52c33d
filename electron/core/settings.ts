/** Settings the user saved, read back with the same schema that checked them on the way in. */
import { SourceConfigSchema, type SourceConfig } from '../../shared/api/sources.js';
import type { Store } from './store/store.js';

export const SOURCE_SETTING = 'source';

/** The source saved in settings, if any and still valid (an invalid one is ignored, not fatal). */
export function savedSource(store: Store): SourceConfig | null {
  const raw = store.getSetting(SOURCE_SETTING);
  if (raw === null) return null;
  try {
    const parsed = SourceConfigSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
