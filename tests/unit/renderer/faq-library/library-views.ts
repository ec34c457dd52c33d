/** The shipped library as the renderer receives it: entries with usage and the core's search keys. */
import fs from 'node:fs';
import path from 'node:path';
import type { FaqEntryView } from '../../../../shared/api/contract.js';
import { parseFaqLibrary, type FaqEntry } from '../../../../shared/faq/entry.js';
import { searchKeysOf } from '../../../../electron/core/faq/search-keys.js';

const file = path.resolve(import.meta.dirname, '../../../../resources/faq/default-library.json');

export function viewOf(entry: FaqEntry): FaqEntryView {
  return { ...entry, usage: { suggested: 0, used: 0, lastUsedAt: null }, search: searchKeysOf(entry) };
}

export function shippedViews(): FaqEntryView[] {
  return parseFaqLibrary(JSON.parse(fs.readFileSync(file, 'utf8'))).entries.map(viewOf);
}
