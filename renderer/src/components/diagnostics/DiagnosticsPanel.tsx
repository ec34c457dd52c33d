import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FeedGap, InvalidSample } from '../../../../shared/api/contract.js';
import { formatCount } from '../../../../shared/format.js';
import { formatTimeOfDay } from '../../format/time.js';
import { useLocale, useT } from '../../i18n/useI18n.js';
import { useBoardSync } from '../../state/BoardSyncContext.js';
import { useBoardStore } from '../../state/boardStore.js';

/** New invalid events are fetched at most this often while the panel is open. */
const REFRESH_MIN_MS = 1000;

/** What the feed got wrong and what the app did about it: the first place to look when figures look off. */
export function DiagnosticsPanel() {
  return (
    <div className="diagnostics" data-testid="diagnostics-panel">
      <Summary />
      <Gaps />
      <InvalidEvents />
      <StorageAndRecording />
    </div>
  );
}

function Summary() {
  const t = useT();
  const locale = useLocale();
  const feed = useBoardStore(
    useShallow((s) =>
      s.feed
        ? {
            invalid: s.feed.invalid,
            duplicates: s.feed.duplicatesDropped,
            truncated: s.feed.truncated,
            regressions: s.feed.counterRegressions ?? 0,
            gaps: s.feed.gaps.length,
            missing: s.feed.gaps.reduce((sum, gap) => sum + gap.missing, 0),
            reconnects: s.feed.reconnects,
          }
        : null,
    ),
  );
  if (!feed) return null;
  const figures: { key: string; label: string; value: string; tone?: 'warn' | 'bad' }[] = [
    {
      key: 'invalid',
      label: t('diag.invalid'),
      value: formatCount(feed.invalid, locale),
      ...(feed.invalid > 0 ? { tone: 'warn' as const } : {}),
    },
    {
      key: 'gaps',
      label: t('diag.gaps'),
      value:
        feed.gaps === 0
          ? '0'
          : `${feed.gaps} · ${t('diag.gapMissing', { n: formatCount(feed.missing, locale) })}`,
      ...(feed.gaps > 0 ? { tone: 'bad' as const } : {}),
    },
    { key: 'duplicates', label: t('diag.duplicates'), value: formatCount(feed.duplicates, locale) },
    { key: 'truncated', label: t('diag.truncated'), value: formatCount(feed.truncated, locale) },
    {
      key: 'regressions',
      label: t('diag.counterRegressions'),
      value: formatCount(feed.regressions, locale),
      ...(feed.regressions > 0 ? { tone: 'warn' as const } : {}),
    },
    { key: 'reconnects', label: t('diag.reconnects'), value: String(feed.reconnects) },
  ];
  return (
    <section className="diag-section" aria-labelledby="diag-summary">
      <h3 className="diag-section__title" id="diag-summary">
        {t('diag.summary')}
      </h3>
      <dl className="diag-figures">
        {figures.map((figure) => (
          <div
            key={figure.key}
            className={`diag-figure${figure.tone ? ` diag-figure--${figure.tone}` : ''}`}
            data-testid={`diag-${figure.key}`}
          >
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Gaps() {
  const t = useT();
  const locale = useLocale();
  const gaps = useBoardStore((s) => s.feed?.gaps);
  const newestFirst: FeedGap[] = gaps ? [...gaps].reverse() : [];
  return (
    <section className="diag-section" aria-labelledby="diag-gaps">
      <h3 className="diag-section__title" id="diag-gaps">
        {t('diag.gaps')}
        <span className="badge diag-section__count">{newestFirst.length}</span>
      </h3>
      <p className="diag-section__hint">{t('diag.gapsHint')}</p>
      {newestFirst.length === 0 ? (
        <p className="diag-empty diag-empty--good">{t('diag.gapsEmpty')}</p>
      ) : (
        <div className="diag-table-wrap">
          <table className="diag-table">
            <thead>
              <tr>
                <th scope="col">{t('diag.col.time')}</th>
                <th scope="col">{t('diag.col.range')}</th>
                <th scope="col" className="num">
                  {t('diag.col.missing')}
                </th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((gap) => (
                <tr key={`${gap.afterSeq}-${gap.resumedSeq}-${gap.detectedAt}`} data-testid="gap-row">
                  <td className="mono">{formatTimeOfDay(gap.detectedAt)}</td>
                  <td className="mono">
                    #{gap.afterSeq.toLocaleString('en-US')} → #{gap.resumedSeq.toLocaleString('en-US')}
                  </td>
                  <td className="num mono diag-bad">{formatCount(gap.missing, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function InvalidEvents() {
  const t = useT();
  const { client } = useBoardSync();
  const invalidCount = useBoardStore((s) => s.feed?.invalid ?? 0);
  const [samples, setSamples] = useState<InvalidSample[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastFetch = useRef(0);

  const load = useCallback(() => {
    lastFetch.current = Date.now();
    client
      .getInvalidSamples()
      .then((rows) => {
        setSamples([...rows].sort((a, b) => b.at - a.at));
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [client]);

  // Fetch when the panel opens and when the count moves, throttled: a feed sending garbage
  // at 100/s must not turn into 10 requests a second.
  useEffect(() => {
    const wait = Math.max(0, lastFetch.current + REFRESH_MIN_MS - Date.now());
    const timer = setTimeout(load, wait);
    return () => clearTimeout(timer);
  }, [invalidCount, load]);

  return (
    <section className="diag-section" aria-labelledby="diag-invalid">
      <h3 className="diag-section__title" id="diag-invalid">
        {t('diag.invalid')}
        <span className="badge diag-section__count">{samples?.length ?? '…'}</span>
        <button type="button" className="link-button" data-testid="diag-refresh" onClick={load}>
          {t('diag.refresh')}
        </button>
      </h3>
      <p className="diag-section__hint">{t('diag.invalidHint')}</p>
      {error && (
        <p className="banner banner--bad" role="alert">
          {t('diag.loadFailed', { reason: error })}
        </p>
      )}
      {samples && samples.length === 0 && (
        <p className="diag-empty diag-empty--good">{t('diag.invalidEmpty')}</p>
      )}
      {samples && samples.length > 0 && (
        <div className="diag-table-wrap">
          <table className="diag-table diag-table--invalid">
            <thead>
              <tr>
                <th scope="col">{t('diag.col.time')}</th>
                <th scope="col">{t('diag.col.type')}</th>
                <th scope="col">{t('diag.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {samples.map((sample, index) => (
                <InvalidRow key={`${sample.at}-${index}`} sample={sample} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function InvalidRow({ sample }: { sample: InvalidSample }) {
  return (
    <tr data-testid="invalid-row">
      <td className="mono">{formatTimeOfDay(sample.at)}</td>
      <td>
        <span className="diag-type">{sample.type}</span>
      </td>
      <td>
        <div className="diag-reason">{sample.reason}</div>
        {/* Shown as text, never as markup: it is whatever the feed sent. */}
        <code className="diag-sample">{sample.sample}</code>
      </td>
    </tr>
  );
}

function StorageAndRecording() {
  const t = useT();
  const locale = useLocale();
  const storage = useBoardStore((s) => s.feed?.storage ?? null);
  const recording = useBoardStore((s) => s.feed?.recording ?? null);
  return (
    <section className="diag-section" aria-labelledby="diag-storage">
      <h3 className="diag-section__title" id="diag-storage">
        {t('diag.storage')} · {t('diag.recording')}
      </h3>
      <dl className="diag-list">
        {storage && (
          <>
            <dt>{t('diag.storage')}</dt>
            <dd
              data-testid="diag-storage-state"
              className={storage.state === 'paused' ? 'diag-bad' : 'diag-good'}
            >
              {storage.state === 'paused' ? t('diag.storagePaused') : t('diag.storageOk')}
              {storage.reason ? ` — ${storage.reason}` : ''}
            </dd>
            {(storage.queued > 0 || storage.state === 'paused') && (
              <>
                <dt>{t('diag.storageQueued')}</dt>
                <dd className="mono">{formatCount(storage.queued, locale)}</dd>
              </>
            )}
            {storage.dropped > 0 && (
              <>
                <dt>{t('diag.storageDropped')}</dt>
                <dd className="mono diag-bad">{formatCount(storage.dropped, locale)}</dd>
              </>
            )}
          </>
        )}
        <dt>{t('diag.recordingFile')}</dt>
        {recording?.file ? (
          <dd className="mono diag-path" data-testid="diag-recording-file" title={recording.file}>
            {recording.file}
            <span className="diag-muted">
              {' '}
              · {t('diag.recordingEvents', { n: formatCount(recording.events, locale) })}
            </span>
          </dd>
        ) : (
          <dd className="diag-muted" data-testid="diag-recording-file">
            {t('diag.recordingNone')}
          </dd>
        )}
        {recording && recording.errors > 0 && (
          <>
            <dt>{t('diag.recordingErrors')}</dt>
            <dd className="diag-bad">
              {formatCount(recording.errors, locale)}
              {recording.lastError ? ` — ${recording.lastError}` : ''}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
