/**
 * Moving one entry up or down past its visible neighbour (Alt+↑/↓, drag and drop). With a
 * category filter on, "up" means above the previous entry the user can see, not above a hidden
 * one that happens to sit in between.
 */

/** The new library order, or null when the entry is already first/last among the visible ones. */
export function moveAmongVisible(
  allIds: readonly string[],
  visibleIds: readonly string[],
  id: string,
  delta: -1 | 1,
): string[] | null {
  const visibleAt = visibleIds.indexOf(id);
  const neighbour = visibleAt < 0 ? undefined : visibleIds[visibleAt + delta];
  if (neighbour === undefined || !allIds.includes(id)) return null;
  return moveNextTo(allIds, id, neighbour, delta === -1 ? 'before' : 'after');
}

/** The order with `id` taken out and put just before or after `target`. */
export function moveNextTo(
  allIds: readonly string[],
  id: string,
  target: string,
  side: 'before' | 'after',
): string[] | null {
  if (id === target || !allIds.includes(id)) return null;
  const rest = allIds.filter((x) => x !== id);
  const at = rest.indexOf(target);
  if (at < 0) return null;
  rest.splice(side === 'before' ? at : at + 1, 0, id);
  return rest;
}
