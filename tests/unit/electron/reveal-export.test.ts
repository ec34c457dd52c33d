import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { revealExportWith } from '../../../electron/main/reveal-export.js';
import type { ExportJobView } from '../../../shared/api/report.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedesk-reveal-'));
const file = path.join(dir, '直播工作总结_测试_20261123-2000.docx');
fs.writeFileSync(file, 'docx');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function job(over: Partial<ExportJobView>): ExportJobView {
  return {
    jobId: 'exp-1-1',
    scope: { kind: 'show', showId: 's1' },
    format: 'docx',
    state: 'done',
    progress: 1,
    phase: 'done',
    startedAt: 1,
    finishedAt: 2,
    file: { name: path.basename(file), path: file, bytes: 4 },
    error: null,
    ...over,
  };
}

describe('revealExportWith', () => {
  it("shows a finished job's own file in the folder", () => {
    const show = vi.fn();
    const getExportJob = vi.fn(() => job({}));
    expect(revealExportWith({ getExportJob }, show)({ jobId: 'exp-1-1' })).toBe(true);
    expect(getExportJob).toHaveBeenCalledWith({ jobId: 'exp-1-1' });
    expect(show).toHaveBeenCalledExactlyOnceWith(file);
  });

  it('shows nothing for an unknown, running, failed or vanished job', () => {
    const show = vi.fn();
    const cases: (ExportJobView | null)[] = [
      null,
      job({ state: 'running', phase: 'comments', file: null, finishedAt: null }),
      job({ state: 'failed', file: null, error: 'disk full' }),
      job({ file: { name: 'gone.docx', path: path.join(dir, 'gone.docx'), bytes: 1 } }),
    ];
    for (const view of cases) {
      expect(revealExportWith({ getExportJob: () => view }, show)({ jobId: 'exp-1-1' })).toBe(false);
    }
    expect(show).not.toHaveBeenCalled();
  });
});
