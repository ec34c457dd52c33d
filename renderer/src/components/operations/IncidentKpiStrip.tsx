import { INCIDENT_TYPES } from '../../../../shared/api/operations.js';
import { formatPercent } from '../../../../shared/format.js';
import { useT } from '../../i18n/useI18n.js';
import { formatDuration } from './incidentClock.js';
import { INCIDENT_TYPE_KEY } from './incidentTypes.js';
import { useOperationsData } from './operationsData.js';

const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

/** The show's incident KPIs (seed 002: 响应 ≤ 5 分钟, 修复成功率): for the post-show summary too. */
export function IncidentKpiStrip() {
  const t = useT();
  const kpis = useOperationsData((s) => s.kpis);
  if (!kpis || kpis.total === 0) return null;
  const byType = INCIDENT_TYPES.filter((type) => (kpis.byType[type] ?? 0) > 0);
  return (
    <div className="incident-kpis" data-testid="incident-kpis">
      <p className="incident-kpis__line">
        <span className="incident-kpis__head">{t('ops.kpi.head')}</span>
        <span data-testid="kpi-total">{t('ops.kpi.total', { n: kpis.total })}</span>
        <span data-testid="kpi-median">{t('ops.kpi.median', { time: duration(kpis.medianResponseMs) })}</span>
        <span data-testid="kpi-max">{t('ops.kpi.max', { time: duration(kpis.maxResponseMs) })}</span>
        <span data-testid="kpi-within">
          {t('ops.kpi.within', { pct: formatPercent(kpis.respondedWithin5MinRate, 0) })}
        </span>
        <span data-testid="kpi-resolved">
          {t('ops.kpi.resolved', { pct: formatPercent(kpis.resolvedRate, 0) })}
        </span>
      </p>
      <p className="incident-kpis__types">
        {byType.map((type) => (
          <span key={type} className="incident-kpis__type" data-type={type}>
            {t(INCIDENT_TYPE_KEY[type])} <b>{kpis.byType[type]}</b>
          </span>
        ))}
      </p>
    </div>
  );
}
