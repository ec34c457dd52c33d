import { describe, expect, it } from 'vitest';
import type { ReportScope, ReportText } from '../../../../shared/api/report.js';
import {
  adoptReport,
  backupKey,
  clearBackup,
  draftFromReport,
  readBackup,
  sameDraft,
  savePayload,
  TEXT_LIMITS,
  untouched,
  withPerson,
  withText,
  writeBackup,
  type KeyValueStore,
} from '../../../../renderer/src/components/report/reportDraft.js';

const scope: ReportScope = { kind: 'show', showId: 'show-1' };
const text: ReportText = {
  overview: '本场直播共 2 小时。',
  metricsNote: '',
  prepNote: '',
  executionNote: '',
  incidentsNote: '',
  problems: '- 3 次库存提问告警集中在 20:10–20:25',
  improvements: '- 开播前核对库存',
};
const prefilled = { people: { host: '', assistant: '', fieldControl: '' }, text, textEdited: false };

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('the draft and what is saved', () => {
  it('saves untouched text as null, so the core keeps prefilling it', () => {
    const draft = withPerson(draftFromReport(prefilled), 'host', '小雅');
    expect(savePayload(scope, draft)).toEqual({
      scope,
      people: { host: '小雅', assistant: '', fieldControl: '' },
      text: null,
    });
  });

  it('saves the whole text once any field is edited', () => {
    const draft = withText(draftFromReport(prefilled), 'problems', '库存不足');
    expect(draft.textTouched).toBe(true);
    expect(savePayload(scope, draft).text).toEqual({ ...text, problems: '库存不足' });
  });

  it('text the core says is edited stays the user’s', () => {
    const draft = draftFromReport({ ...prefilled, textEdited: true });
    expect(savePayload(scope, draft).text).toEqual(text);
  });

  it('cuts text and names at the contract’s limits', () => {
    const long = withText(draftFromReport(prefilled), 'overview', '字'.repeat(TEXT_LIMITS.overview + 10));
    expect(long.text.overview).toHaveLength(4000);
    expect(withPerson(long, 'assistant', 'a'.repeat(80)).people.assistant).toHaveLength(60);
  });

  it('untouched text follows the new prefill; edited text and names do not', () => {
    const fresh = { text: { ...text, overview: '本场直播共 3 小时。' } };
    const named = withPerson(draftFromReport(prefilled), 'fieldControl', '阿杰');
    expect(adoptReport(named, fresh)).toEqual({ ...named, text: fresh.text });
    const edited = withText(named, 'overview', '我写的');
    expect(adoptReport(edited, fresh)).toBe(edited);
  });

  it('restore-prefill marks the text untouched and keeps the names', () => {
    const edited = withText(withPerson(draftFromReport(prefilled), 'host', '小雅'), 'overview', 'x');
    const reset = untouched(edited);
    expect(savePayload(scope, reset)).toMatchObject({ text: null, people: { host: '小雅' } });
  });

  it('compares drafts by what would be saved', () => {
    const a = draftFromReport(prefilled);
    expect(sameDraft(a, draftFromReport(prefilled))).toBe(true);
    expect(sameDraft(a, withPerson(a, 'host', 'x'))).toBe(false);
    expect(sameDraft(a, withText(a, 'overview', text.overview))).toBe(false);
  });
});

describe('the local backup', () => {
  it('keeps a draft per scope until it is cleared', () => {
    const store = memoryStore();
    const draft = withText(draftFromReport(prefilled), 'problems', '断流两次');
    writeBackup(store, scope, draft);
    expect(readBackup(store, scope)).toEqual(draft);
    expect(readBackup(store, { kind: 'show', showId: 'other' })).toBeNull();
    const period: ReportScope = { kind: 'period', from: '2026-11-01', to: '2026-11-07', roomId: null };
    expect(backupKey(period)).toBe('livedesk.report.draft.v1:period:2026-11-01:2026-11-07:*');
    clearBackup(store, scope);
    expect(readBackup(store, scope)).toBeNull();
  });

  it('ignores a backup that is not JSON or breaks the contract', () => {
    const store = memoryStore();
    store.setItem(backupKey(scope), '{not json');
    expect(readBackup(store, scope)).toBeNull();
    const tooLong = { ...draftFromReport(prefilled), text: { ...text, problems: 'x'.repeat(8001) } };
    store.setItem(backupKey(scope), JSON.stringify(tooLong));
    expect(readBackup(store, scope)).toBeNull();
    store.setItem(backupKey(scope), JSON.stringify({ people: {}, text }));
    expect(readBackup(store, scope)).toBeNull();
  });

  it('survives storage that refuses to work', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const draft = draftFromReport(prefilled);
    expect(() => writeBackup(broken, scope, draft)).not.toThrow();
    expect(() => clearBackup(broken, scope)).not.toThrow();
    expect(readBackup(broken, scope)).toBeNull();
    expect(readBackup(null, scope)).toBeNull();
  });
});
