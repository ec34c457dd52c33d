import { DialogHead } from '../common/DialogHead.js';
import { ModalDialog } from '../common/ModalDialog.js';
import { useT } from '../../i18n/useI18n.js';

/** "恢复预填" asks first: the user's edited text is lost (names stay). Enter confirms, Esc cancels. */
export function ResetConfirm({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => void }) {
  const t = useT();
  return (
    <ModalDialog
      labelledBy="report-reset-title"
      describedBy="report-reset-body"
      testId="report-reset-confirm"
      className="report-confirm"
      onClose={onCancel}
    >
      <DialogHead
        titleId="report-reset-title"
        title={t('report.reset.confirmTitle')}
        close={{ label: t('report.cancel'), onClick: onCancel }}
      />
      <p id="report-reset-body" className="report-confirm__body">
        {t('report.reset.confirmBody')}
      </p>
      <div className="dialog__foot">
        <button type="button" className="btn" data-testid="report-reset-cancel" onClick={onCancel}>
          {t('report.cancel')}
        </button>
        <button
          type="button"
          className="btn btn--danger"
          data-testid="report-reset-ok"
          data-autofocus
          onClick={onConfirm}
        >
          {t('report.reset.ok')}
        </button>
      </div>
    </ModalDialog>
  );
}
