/**
 * The shows of a period: started (shows.started_at, the feed's clock) in [from, to), optionally in
 * one room. One SQL fragment, used as a subquery by every period aggregate, so 300 shows are one
 * statement per figure, not one per show.
 */
export interface ShowFilter {
  from: number;
  to: number;
  room: string | null;
}

/** Named parameters @from, @to, @room. */
export const PERIOD_SHOWS_WHERE =
  'started_at >= @from AND started_at < @to AND (@room IS NULL OR room_id = @room)';

export const PERIOD_SHOW_IDS = `SELECT id FROM shows WHERE ${PERIOD_SHOWS_WHERE}`;
