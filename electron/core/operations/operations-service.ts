/**
 * The field controller's tools in one place for the service facade: the checklist template and
 * runs, the incident log with its playbooks, and the board's OperationsState. `revision` bumps
 * on every change the board should see (an edit, a show starting and taking its run).
 */
import { z } from 'zod';
import type { ShowInfo } from '../../../shared/api/contract.js';
import {
  ChecklistExportArgs,
  ListIncidentsArgs,
  type ChecklistRun,
  type ChecklistTemplate,
  type IncidentKpis,
  type IncidentView,
  type OperationsState,
  type PlaybooksView,
} from '../../../shared/api/operations.js';
import type { FaqExportFile } from '../../../shared/api/replies.js';
import { defaultResourcesRoot } from '../faq/resources.js';
import type { Store } from '../store/store.js';
import { exportChecklist } from './checklist-export.js';
import { ChecklistRuns } from './checklist-runs.js';
import { ChecklistTemplates } from './checklist-template.js';
import { parseArgs } from './errors.js';
import { IncidentLog, type AlertLink } from './incidents.js';
import { processMonoClock, type MonoClock } from './monotonic.js';
import { Playbooks } from './playbooks.js';

/** `{ template | playbooks: document | null }`; the document is checked by its own rules. */
const TemplateEnvelope = z.object({ template: z.unknown() });
const PlaybooksEnvelope = z.object({ playbooks: z.unknown() });

/** Open incidents the board carries. */
export const MAX_OPEN_INCIDENTS = 50;

export interface OperationsServiceOptions {
  store: Store;
  resourcesDir?: string;
  now: () => number;
  mono?: MonoClock;
  /** The pipeline's show (running or ended), and its feed clock now (latest event ts). */
  show: () => ShowInfo | null;
  feedTs: () => number | null;
  alerts: AlertLink;
}

export class OperationsService {
  readonly templates: ChecklistTemplates;
  readonly runs: ChecklistRuns;
  readonly playbooks: Playbooks;
  readonly incidents: IncidentLog;
  /** Starts at 1 so a renderer's initial 0 refetches. */
  revision = 1;
  /** The running show the runs were last synced to (undefined: not yet). */
  private syncedShowId: string | null | undefined = undefined;
  private cached: { revision: number; state: OperationsState } | null = null;

  constructor(private readonly opts: OperationsServiceOptions) {
    const resourcesDir = opts.resourcesDir ?? defaultResourcesRoot();
    this.templates = new ChecklistTemplates(opts.store, resourcesDir);
    this.runs = new ChecklistRuns(opts.store.operations, this.templates, opts.now);
    this.playbooks = new Playbooks(opts.store, resourcesDir);
    this.incidents = new IncidentLog({
      store: opts.store,
      playbooks: this.playbooks,
      now: opts.now,
      mono: opts.mono ?? processMonoClock,
      feed: () => ({ showId: this.runningShowId(), feedTs: opts.feedTs() }),
      alerts: opts.alerts,
    });
  }

  /** A show that has not ended; null while none runs (the checklist is then for the next show). */
  private runningShowId(): string | null {
    const show = this.opts.show();
    return show && show.endedAt === null ? show.id : null;
  }

  /** The show incidents default to: the current one, even once it ended (its post-show review). */
  private currentShowId(): string | null {
    return this.opts.show()?.id ?? null;
  }

  private changed(): void {
    this.revision++;
  }

  /** Follows the pipeline's show: a show that starts takes the run prepared for it. */
  sync(): void {
    const id = this.runningShowId();
    if (id === this.syncedShowId) return;
    try {
      if (id !== null) this.runs.attach(id);
    } catch (err) {
      // Runs on the push timer: a failed write (disk full) must not throw there; the next sync retries.
      console.error(`checklist: cannot attach the run: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.syncedShowId = id;
    this.changed();
  }

  state(): OperationsState {
    this.sync();
    if (this.cached?.revision !== this.revision) {
      const run = this.runs.peek(this.runningShowId());
      this.cached = {
        revision: this.revision,
        state: {
          checklist: run
            ? {
                runId: run.id,
                progress: run.progress,
                deadline: run.deadline,
                startWarning: run.startWarning,
              }
            : null,
          openIncidents: this.incidents.unresolved(this.currentShowId(), MAX_OPEN_INCIDENTS),
          revision: this.revision,
        },
      };
    }
    return this.cached.state;
  }

  // ── checklist ─────────────────────────────────────────────────────────────────────────

  getChecklist({ runId }: { runId?: number }): ChecklistRun {
    this.sync();
    if (runId !== undefined) return this.runs.get(runId);
    const showId = this.runningShowId();
    const existed = this.runs.peek(showId) !== null;
    const run = this.runs.current(showId);
    if (!existed) this.changed();
    return run;
  }

  updateChecklistItem(args: unknown): ChecklistRun {
    const run = this.runs.updateItem(args);
    this.changed();
    return run;
  }

  scheduleChecklist(args: unknown): ChecklistRun {
    const run = this.runs.schedule(args);
    this.changed();
    return run;
  }

  exportChecklist(raw: unknown): Promise<FaqExportFile> {
    const { runId, format } = parseArgs(ChecklistExportArgs, raw);
    const run = this.getChecklist({ runId });
    const show = run.showId === null ? null : this.opts.store.getShow(run.showId);
    return exportChecklist(run, format, {
      showTitle: show?.title ?? null,
      date: run.scheduledStart ?? show?.startedAt ?? run.createdAt,
      playbook: (type) => this.playbooks.of(type),
    });
  }

  getChecklistTemplate(): { template: ChecklistTemplate; isDefault: boolean } {
    return this.templates.view();
  }

  saveChecklistTemplate(raw: unknown): { template: ChecklistTemplate; isDefault: boolean } {
    // The template is checked by the template's own rules: its message names the item and field.
    const { template } = parseArgs(TemplateEnvelope, raw);
    return this.templates.save(template);
  }

  // ── incidents and playbooks ───────────────────────────────────────────────────────────

  listIncidents(raw: unknown): IncidentView[] {
    const { showId, limit } = parseArgs(ListIncidentsArgs, raw);
    return this.incidents.list(showId ?? this.currentShowId(), limit);
  }

  openIncident(args: unknown): IncidentView {
    const incident = this.incidents.open(args);
    this.changed();
    return incident;
  }

  updateIncident(args: unknown): IncidentView {
    const incident = this.incidents.update(args);
    this.changed();
    return incident;
  }

  getIncidentKpis(args: unknown): IncidentKpis {
    return this.incidents.kpis(args, this.currentShowId());
  }

  getPlaybooks(): PlaybooksView {
    return this.playbooks.view();
  }

  savePlaybooks(raw: unknown): PlaybooksView {
    const { playbooks } = parseArgs(PlaybooksEnvelope, raw);
    return this.playbooks.save(playbooks);
  }
}
