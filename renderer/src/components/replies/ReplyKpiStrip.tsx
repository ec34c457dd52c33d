import type { ReplyKpis } from '../../../../shared/api/contract.js';
import { formatPercent, NO_DATA } from '../../../../shared/format.js';
import { useT } from '../../i18n/useI18n.js';
import { formatAge, rateTone, RESOLUTION_TARGET, WITHIN_30S_TARGET, type KpiTone } from './buildReply.js';

/**
 * The show's reply KPIs in one line: answered of asked, resolution and speed, the rates against
 * the seed's targets (colour plus ✓/↓, so not by colour alone).
 */
export function ReplyKpiStrip({ kpis }: { kpis: ReplyKpis | null }) {
  const t = useT();
  const duration = (ms: number | null) => (ms === null ? NO_DATA : formatAge(ms));
  const answered = kpis?.answered ?? 0;
  const questions = kpis?.questions ?? 0;
  return (
    <div className="reply-kpis" data-testid="reply-kpis">
      <span
        className="reply-kpi"
        data-testid="reply-kpi-answered"
        title={`${t('replies.kpi.answered')} ${answered} / ${t('replies.kpi.questions')} ${questions}`}
      >
        <span className="reply-kpi__label">{t('replies.kpi.answered')}</span>
        <span className="reply-kpi__value" data-testid="reply-kpi-value">
          {answered}
        </span>
        <span className="reply-kpi__of">/</span>
        <span className="reply-kpi__value" data-testid="reply-kpi-questions">
          {questions}
        </span>
      </span>
      <RateKpi
        id="resolution"
        label={t('replies.kpi.resolution')}
        rate={kpis?.resolutionRate ?? null}
        target={RESOLUTION_TARGET}
      />
      <Kpi id="median" label={t('replies.kpi.median')} value={duration(kpis?.medianResponseMs ?? null)} />
      <Kpi id="p90" label={t('replies.kpi.p90')} value={duration(kpis?.p90ResponseMs ?? null)} />
      <RateKpi
        id="within30s"
        label={t('replies.kpi.within30s')}
        rate={kpis?.within30sRate ?? null}
        target={WITHIN_30S_TARGET}
      />
    </div>
  );
}

function Kpi({
  id,
  label,
  value,
  tone = 'none',
  title,
}: {
  id: string;
  label: string;
  value: string;
  tone?: KpiTone;
  title?: string;
}) {
  return (
    <span className={`reply-kpi tone-${tone}`} data-testid={`reply-kpi-${id}`} data-tone={tone} title={title}>
      <span className="reply-kpi__label">{label}</span>
      <span className="reply-kpi__value" data-testid="reply-kpi-value">
        {value}
      </span>
      {tone === 'good' && (
        <span className="reply-kpi__mark" aria-hidden="true">
          ✓
        </span>
      )}
      {(tone === 'warn' || tone === 'bad') && (
        <span className="reply-kpi__mark" aria-hidden="true">
          ↓
        </span>
      )}
    </span>
  );
}

function RateKpi({
  id,
  label,
  rate,
  target,
}: {
  id: string;
  label: string;
  rate: number | null;
  target: number;
}) {
  const t = useT();
  const tone = rateTone(rate, target);
  const goal = t('replies.kpi.target', { target: formatPercent(target, 0) });
  const verdict =
    tone === 'none' ? '' : ` · ${t(tone === 'good' ? 'replies.kpi.metTarget' : 'replies.kpi.belowTarget')}`;
  return <Kpi id={id} label={label} value={formatPercent(rate, 1)} tone={tone} title={`${goal}${verdict}`} />;
}
