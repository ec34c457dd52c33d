import { useCallback, type ReactNode } from 'react';
import type { ShowBoard, ShowSummary } from '../../../../shared/api/contract.js';
import {
  formatChange,
  formatClock,
  formatCount,
  formatMetricValue,
  formatPercent,
  NO_DATA,
} from '../../../../shared/format.js';
import type { Locale } from '../../../../shared/i18n/messages.js';
import { hasMessage, useLocale, useT, type Translate } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { goTo, historyHash } from '../../state/hashRoute.js';
import { compareRows, compareTraffic, type CompareRow, type TrafficCompareRow } from './compareRows.js';
import { formatDateTime, previousShowId } from './showFacts.js';
import { useAsync } from './useAsync.js';

function formatRowValue(row: CompareRow, value: number | null, t: Translate, locale: Locale): string {
  if (value === null) return NO_DATA;
  switch (row.unit) {
    case 'duration':
      return formatClock(value);
    case 'perMinute':
      return `${formatCount(value, locale)} ${t('metric.perMinute')}`;
    default:
      return formatMetricValue(row.unit, value, locale);
  }
}

function rowLabel(key: CompareRow['key'], t: Translate): string {
  if (key === 'duration') return t('compare.duration');
  if (key === 'commentsPerMin') return t('compare.commentsPerMin');
  return t(`metric.${key}`);
}

function direction(diff: number | null): 'up' | 'down' | 'flat' | 'none' {
  if (diff === null || !Number.isFinite(diff)) return 'none';
  return diff > 0 ? 'up' : diff < 0 ? 'down' : 'flat';
}

/** Two values as bars against the larger of them: the gap is visible before it is read. */
function PairBar({ value, max, side }: { value: number | null; max: number; side: 'this' | 'other' }) {
  const width = value !== null && max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <span className={`pair-bar pair-bar--${side}`} aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}

/**
 * 环比: this show beside another (the previous one by default), metric by metric, with the
 * difference in per cent (traffic sources in percentage points).
 */
export function CompareView({
  showId,
  otherId,
  shows,
}: {
  showId: string;
  otherId: string | null;
  shows: readonly ShowSummary[];
}) {
  const t = useT();
  const { client } = useBoardSync();
  const partnerId = otherId ?? previousShowId(shows, showId);
  const load = useCallback(
    () =>
      Promise.all([
        client.getShowBoard({ showId }),
        partnerId ? client.getShowBoard({ showId: partnerId }) : Promise.resolve(null),
      ]),
    [client, showId, partnerId],
  );
  const result = useAsync(load);

  if (result.status === 'loading') return <p className="history__note">{t('history.loading')}</p>;
  if (result.status === 'error') {
    return (
      <p className="history__note history__note--bad" role="alert">
        {t('history.loadFailed', { reason: result.error })}
      </p>
    );
  }
  const [board, other] = result.value;
  if (!board) return <p className="history__note">{t('history.notFound')}</p>;
  const others = shows.filter((s) => s.id !== showId);
  return (
    <div className="compare" data-testid="compare-view" data-show-id={showId} data-other-id={partnerId ?? ''}>
      <div className="compare__pick">
        <label htmlFor="compare-other">{t('compare.with')}</label>
        <select
          id="compare-other"
          data-testid="compare-other"
          value={partnerId ?? ''}
          disabled={others.length === 0}
          onChange={(event) =>
            goTo(historyHash({ page: 'compare', showId, otherId: event.target.value || null }))
          }
        >
          {others.length === 0 && <option value="">{t('compare.noOther')}</option>}
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {`${s.title} · ${formatDateTime(s.startedAt)}`}
            </option>
          ))}
        </select>
      </div>
      <div className="compare__tables">
        <MetricsTable board={board} other={other} />
        <TrafficTable board={board} other={other} />
      </div>
    </div>
  );
}

function ShowHeader({ board, side }: { board: ShowBoard | null; side: 'this' | 'other' }) {
  const t = useT();
  if (!board) return <th scope="col">{t('compare.noOther')}</th>;
  return (
    <th scope="col" className={`compare__show compare__show--${side}`} data-side={side}>
      <span className="compare__show-title" title={board.show.title}>
        <span className={`compare__swatch compare__swatch--${side}`} aria-hidden="true" />
        {board.show.title}
      </span>
      <span className="compare__show-date">{formatDateTime(board.show.startedAt)}</span>
    </th>
  );
}

/** The narrow table's header: colour key and start time (the full titles head the main table). */
function ShortShowHeader({ board, side }: { board: ShowBoard | null; side: 'this' | 'other' }) {
  return (
    <th scope="col" className="compare__show-short" title={board?.show.title}>
      <span className={`compare__swatch compare__swatch--${side}`} aria-hidden="true" />
      {board ? formatDateTime(board.show.startedAt).slice(5) : NO_DATA}
    </th>
  );
}

/** A comparison table's header: what the rows are, the two shows' columns, the difference. */
function CompareHead({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col" className="compare-table__metric">
          {title}
        </th>
        {children}
        <th scope="col" className="compare-table__diff">
          {t('compare.diff')}
        </th>
      </tr>
    </thead>
  );
}

function MetricsTable({ board, other }: { board: ShowBoard; other: ShowBoard | null }) {
  const t = useT();
  const locale = useLocale();
  const rows = compareRows(board, other);
  return (
    <div className="panel compare__panel">
      <table className="compare-table">
        <CompareHead title={t('compare.metric')}>
          <ShowHeader board={board} side="this" />
          <ShowHeader board={other} side="other" />
        </CompareHead>
        <tbody>
          {rows.map((row) => {
            const max = Math.max(row.value ?? 0, row.other ?? 0);
            const dir = direction(row.diff);
            return (
              <tr key={row.key} data-compare-row={row.key}>
                <th scope="row" className="compare-table__metric">
                  {rowLabel(row.key, t)}
                </th>
                <td data-compare={row.key} data-side="this">
                  <span className="compare-table__value">{formatRowValue(row, row.value, t, locale)}</span>
                  <PairBar value={row.value} max={max} side="this" />
                </td>
                <td data-compare={row.key} data-side="other">
                  <span className="compare-table__value">{formatRowValue(row, row.other, t, locale)}</span>
                  <PairBar value={row.other} max={max} side="other" />
                </td>
                <td data-compare={row.key} data-side="diff" className="compare-table__diff">
                  <span className={`change change--${dir}`} data-direction={dir}>
                    {dir === 'up' && <span className="change__arrow">▲</span>}
                    {dir === 'down' && <span className="change__arrow">▼</span>}
                    {formatChange(row.diff)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function formatPoints(diff: number | null, t: Translate): string {
  if (diff === null) return NO_DATA;
  const points = (diff * 100).toFixed(1);
  return t('compare.pp', { n: diff >= 0 ? `+${points}` : `−${points.slice(1)}` });
}

function TrafficTable({ board, other }: { board: ShowBoard; other: ShowBoard | null }) {
  const t = useT();
  const rows: TrafficCompareRow[] = compareTraffic(board, other);
  if (rows.length === 0) return null;
  const label = (source: string) => {
    const key = `traffic.${source}`;
    return hasMessage(key) ? t(key) : source;
  };
  return (
    <div className="panel compare__panel compare__panel--traffic">
      <table className="compare-table">
        <CompareHead title={t('compare.traffic')}>
          <ShortShowHeader board={board} side="this" />
          <ShortShowHeader board={other} side="other" />
        </CompareHead>
        <tbody>
          {rows.map((row) => {
            const key = `traffic.${row.source}`;
            const dir = direction(
              row.diff === null || Math.abs(row.diff) < 0.0005 ? (row.diff === null ? null : 0) : row.diff,
            );
            return (
              <tr key={row.source} data-compare-row={key}>
                <th scope="row" className="compare-table__metric">
                  {label(row.source)}
                </th>
                <td data-compare={key} data-side="this">
                  {formatPercent(row.share, 1)}
                </td>
                <td data-compare={key} data-side="other">
                  {formatPercent(row.other, 1)}
                </td>
                <td data-compare={key} data-side="diff" className="compare-table__diff">
                  <span className={`change change--${dir}`}>{formatPoints(row.diff, t)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
