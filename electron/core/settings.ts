/** Settings the user saved, read back with the same schema that checked them on the way in. */
import type { z } from 'zod';
import { ShowTargetsSchema } from '../../shared/api/contract.js';
import { SourceConfigSchema, type SourceConfig } from '../../shared/api/sources.js';
import type { ShowTargets } from '../../shared/metrics/targets.js';
import type { Store } from './store/store.js';

export const SOURCE_SETTING = 'source';
export const NEXT_TARGETS_SETTING = 'targets.next';

/** A JSON setting that still passes its schema; an invalid or missing one is null, never fatal. */
function readSetting<T>(store: Store, key: string, schema: z.ZodType<T>): T | null {
  const raw = store.getSetting(key);
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The source saved in settings, if any and still valid. */
export function savedSource(store: Store): SourceConfig | null {
  return readSetting(store, SOURCE_SETTING, SourceConfigSchema);
}

/** Targets set while no show was running, waiting for the next show. */
export function nextShowTargets(store: Store): ShowTargets | null {
  return readSetting(store, NEXT_TARGETS_SETTING, ShowTargetsSchema);
}
