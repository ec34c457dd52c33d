/** Refusals of the field controller's tools: what was wrong, Chinese first, English after " · ". */
import type { z } from 'zod';

export class OperationsError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} · ${en}`);
    this.name = 'OperationsError';
  }
}

/** The first schema issue as "path: message" (what was refused, and where). */
export function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Arguments checked again in the core (a host's check is not the only caller). */
export function parseArgs<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problem = firstIssue(parsed.error.issues);
    throw new OperationsError(`参数无效：${problem}`, `invalid arguments: ${problem}`);
  }
  return parsed.data;
}
