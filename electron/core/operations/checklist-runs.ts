/**
 * Checklist runs (设备调试): one per show, made from the template on first use. While no show
 * runs, the run is prepared for the next show (showId null); when a show starts and has no run
 * of its own, that prepared run becomes the show's — and if items were still open or failed at
 * that moment, the run records a start warning with the counts.
 *
 * A measured value of a range item is read leniently and judged: outside the range fails the
 * item automatically (autoFailed), inside passes it (unless the user marked it n.a.); a value
 * that is not a number is refused and nothing is saved. A text item whose value matches the
 * expected one passes; a mismatch leaves the status to the user (no automatic fail).
 */
import {
  ScheduleChecklistArgs,
  UpdateChecklistItemArgs,
  type ChecklistItemState,
  type ChecklistRun,
} from '../../../shared/api/operations.js';
import type { OperationsRepo, StoredRun } from '../store/operations-repo.js';
import type { ChecklistTemplates } from './checklist-template.js';
import { OperationsError, parseArgs } from './errors.js';
import { expectationText } from './labels.js';
import { inRange, parseMeasured, textMatches } from './measured-value.js';

/** The seed: every device checked 2 hours before the show. */
export const DEADLINE_BEFORE_START_MS = 2 * 3600_000;

export function progressOf(items: readonly ChecklistItemState[]): ChecklistRun['progress'] {
  const count = (status: ChecklistItemState['status']) => items.filter((i) => i.status === status).length;
  const [pass, fail, na, open] = [count('pass'), count('fail'), count('na'), count('open')];
  return { total: items.length, done: pass + fail + na, pass, fail, na, open };
}

export class ChecklistRuns {
  constructor(
    private readonly repo: OperationsRepo,
    private readonly templates: ChecklistTemplates,
    private readonly now: () => number,
  ) {}

  private view(run: StoredRun): ChecklistRun {
    const items = this.repo.items(run.id);
    return { ...run, items, progress: progressOf(items) };
  }

  private create(showId: string | null): StoredRun {
    const { items } = this.templates.current;
    return this.repo.createRun(
      { showId, scheduledStart: null, deadline: null, createdAt: this.now() },
      items,
    );
  }

  /** The run of the running show (null: none running → the next show's), without creating one. */
  peek(showId: string | null): ChecklistRun | null {
    const run = showId === null ? this.repo.nextShowRun() : this.repo.runOfShow(showId);
    return run ? this.view(run) : null;
  }

  /** The run of the running show, or the next show's; made from the template on first use. */
  current(showId: string | null): ChecklistRun {
    if (showId !== null) this.attach(showId);
    const run = showId === null ? this.repo.nextShowRun() : this.repo.runOfShow(showId);
    return this.view(run ?? this.create(showId));
  }

  /**
   * A show is running: if it has no run yet, the one prepared for the next show becomes its run,
   * with a start warning when items were open or failed. true when a run was attached.
   */
  attach(showId: string): boolean {
    if (this.repo.runOfShow(showId)) return false;
    const next = this.repo.nextShowRun();
    if (!next) return false;
    const { open, fail } = progressOf(this.repo.items(next.id));
    const warning = open + fail > 0 ? { at: this.now(), open, failed: fail } : null;
    this.repo.attachRun(next.id, showId, warning);
    return true;
  }

  get(runId: number): ChecklistRun {
    const run = this.repo.getRun(runId);
    if (!run) throw new OperationsError(`没有编号为 ${runId} 的检查记录`, `no checklist run ${runId}`);
    return this.view(run);
  }

  updateItem(raw: unknown): ChecklistRun {
    const args = parseArgs(UpdateChecklistItemArgs, raw);
    const run = this.get(args.runId);
    const item = run.items.find((i) => i.id === args.itemId);
    if (!item) {
      throw new OperationsError(
        `检查记录 ${args.runId} 中没有「${args.itemId}」这一项`,
        `checklist run ${args.runId} has no item "${args.itemId}"`,
      );
    }
    const next: ChecklistItemState = { ...item, updatedAt: this.now() };
    if (args.note !== undefined) next.note = args.note;
    if (args.who !== undefined) next.who = args.who === '' ? null : args.who;
    const measuredChanged = args.measured !== undefined;
    if (measuredChanged) next.measured = args.measured?.trim() || null;
    this.judge(item, next, args.status, measuredChanged);
    this.repo.updateItem(run.id, next);
    return this.get(run.id);
  }

  /** Sets next.status / autoFailed from the measured value and the status asked for. */
  private judge(
    item: ChecklistItemState,
    next: ChecklistItemState,
    requested: ChecklistItemState['status'] | undefined,
    measuredChanged: boolean,
  ): void {
    const { expected } = item;
    next.autoFailed = false;
    next.status = requested ?? item.status;
    if (expected.kind === 'range' && next.measured !== null) {
      const value = parseMeasured(next.measured, expected, item.label); // throws: nothing saved
      if (next.status === 'na') return;
      if (!inRange(value, expected)) {
        if (requested === 'pass') {
          throw new OperationsError(
            `「${item.label}」实测 ${next.measured} 超出 ${expectationText(expected)}，不能标为通过（改正实测值或标为不适用）`,
            `"${item.label}": ${next.measured} is outside ${expectationText(expected)} and cannot pass (correct the value or mark it n.a.)`,
          );
        }
        next.status = 'fail';
        next.autoFailed = true;
      } else if (requested === undefined && (measuredChanged || item.autoFailed)) {
        next.status = 'pass';
      }
    } else if (expected.kind === 'range' && measuredChanged && item.autoFailed && requested === undefined) {
      next.status = 'open'; // the value that failed it was cleared
    } else if (
      expected.kind === 'text' &&
      measuredChanged &&
      requested === undefined &&
      next.measured !== null &&
      item.status !== 'na' &&
      textMatches(next.measured, expected.value)
    ) {
      next.status = 'pass';
    }
  }

  schedule(raw: unknown): ChecklistRun {
    const args = parseArgs(ScheduleChecklistArgs, raw);
    const run = this.get(args.runId);
    const deadline =
      args.deadline !== undefined
        ? args.deadline
        : args.scheduledStart === null
          ? null
          : args.scheduledStart - DEADLINE_BEFORE_START_MS;
    if (deadline !== null && args.scheduledStart !== null && deadline > args.scheduledStart) {
      throw new OperationsError(
        '检查截止时间不能晚于计划开播时间',
        'the deadline must not be after the scheduled start',
      );
    }
    this.repo.scheduleRun(run.id, args.scheduledStart, deadline);
    return this.get(run.id);
  }
}
