/** A report that cannot be made (the scope names nothing, bad input), said in plain words. */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/** The first schema issue as "path: message", for a ReportError naming what was refused. */
export function firstIssueText(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

// Here, not in export-run.ts: the job registry loads at app start and must not pull in the
// writers (exceljs, docx, resvg) just to phrase an error.
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}
