/**
 * "Show in folder" for a finished export: the desktop app's own revealExport. Only the job's
 * own file is ever shown — the renderer names a job, never a path.
 */
import { existsSync } from 'node:fs';
import type { LiveDeskService } from '../../shared/api/contract.js';

export function revealExportWith(
  service: Pick<LiveDeskService, 'getExportJob'>,
  showItemInFolder: (fullPath: string) => void,
  exists: (file: string) => boolean = existsSync,
): LiveDeskService['revealExport'] {
  return ({ jobId }) => {
    const job = service.getExportJob({ jobId });
    if (job?.state !== 'done' || !job.file || !exists(job.file.path)) return false;
    showItemInFolder(job.file.path);
    return true;
  };
}
