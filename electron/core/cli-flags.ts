/** Strict flag parsing for LiveDesk's command lines: unknown flags and positionals are errors. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export function parseFlags<T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: T,
  toError: (message: string) => Error,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw toError(err instanceof Error ? err.message : String(err));
  }
}
