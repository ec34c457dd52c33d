/** What the last save of a settings tab did, at the start of its footer: good news is a status. */
export function SaveResult({
  result,
  testId,
}: {
  result: { ok: boolean; text: string } | null;
  testId: string;
}) {
  if (!result) return null;
  return (
    <span
      className={result.ok ? 'faq-panel-foot__good' : 'faq-panel-foot__bad'}
      role={result.ok ? 'status' : 'alert'}
      data-testid={testId}
    >
      {result.text}
    </span>
  );
}
