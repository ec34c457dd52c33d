/**
 * Numbered migrations. Each runs in one transaction that also bumps `user_version`;
 * a database from a newer app is refused rather than touched.
 */
import type Database from 'better-sqlite3';
import * as m001 from './001-initial.js';
import * as m002 from './002-settings.js';
import * as m003 from './003-targets-and-gap-time.js';
import * as m004 from './004-faq-and-questions.js';
import * as m005 from './005-alerts.js';
import * as m006 from './006-operations.js';
import * as m007 from './007-report-texts.js';
import * as m008 from './008-question-groups.js';
import * as m009 from './009-comment-csv-logs.js';
import * as m010 from './010-question-group-buckets.js';

export interface Migration {
  version: number;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: m001.up },
  { version: 2, up: m002.up },
  { version: 3, up: m003.up },
  { version: 4, up: m004.up },
  { version: 5, up: m005.up },
  { version: 6, up: m006.up },
  { version: 7, up: m007.up },
  { version: 8, up: m008.up },
  { version: 9, up: m009.up },
  { version: 10, up: m010.up },
];
export const SCHEMA_VERSION = MIGRATIONS.length;

export class SchemaTooNewError extends Error {
  constructor(found: number) {
    super(`database schema v${found} is newer than this app supports (v${SCHEMA_VERSION}); update LiveDesk`);
  }
}

/** Migrates `db` up to `target` (default: latest). Returns the version it ends at. */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new SchemaTooNewError(current);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
