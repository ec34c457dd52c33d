/** What a caught error says, for a message on screen (a thrown non-Error is stringified). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
