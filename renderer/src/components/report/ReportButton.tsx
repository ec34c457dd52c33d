import { useT } from '../../i18n/useI18n.js';
import { reportUi, useReportUi } from '../../state/reportUi.js';
import { ToolButton } from '../common/ToolButton.js';
import { REPORT_KEY, useReportShortcut } from './useReportShortcut.js';

/** Top-bar button: the summary view (直播工作总结), or back to the board from it; owns its key. */
export function ReportButton() {
  const t = useT();
  const open = useReportUi((s) => s.open);
  useReportShortcut();
  return (
    <ToolButton
      testId="report-open"
      icon="▤"
      label={t('report.open')}
      className={open ? 'is-active' : undefined}
      aria-label={t('report.open')}
      title={open ? t('report.backTitle', { key: REPORT_KEY }) : t('report.openTitle', { key: REPORT_KEY })}
      aria-pressed={open}
      onClick={() => reportUi.toggle()}
    />
  );
}
