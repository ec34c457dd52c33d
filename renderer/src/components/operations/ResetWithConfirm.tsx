/**
 * "恢复默认" that asks in place: the first press shows what is lost with a red confirm and a
 * cancel; only the confirm resets. The editor owns `confirming` (a save ends it too).
 */
export function ResetWithConfirm({
  confirming,
  busy,
  text,
  testId,
  onAsk,
  onCancel,
  onConfirm,
}: {
  confirming: boolean;
  busy: boolean;
  text: { reset: string; question: string; cancel: string };
  /** The reset button's; the confirm button's is `<testId>-confirm`. */
  testId: string;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  if (!confirming) {
    return (
      <button type="button" className="btn" data-testid={testId} onClick={onAsk}>
        {text.reset}
      </button>
    );
  }
  return (
    <>
      <span className="template-editor__confirm">{text.question}</span>
      <button
        type="button"
        className="btn btn--danger"
        data-testid={`${testId}-confirm`}
        disabled={busy}
        onClick={onConfirm}
      >
        {text.reset}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {text.cancel}
      </button>
    </>
  );
}
