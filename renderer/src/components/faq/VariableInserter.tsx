import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/useI18n.js';

/**
 * The {变量} names an answer can use, one click (or Enter) inserts one at the caret. One Tab
 * stop; ←/→ move between names.
 */
export function VariableInserter({
  names,
  onInsert,
}: {
  names: readonly string[];
  onInsert: (name: string) => void;
}) {
  const t = useT();
  const [focused, setFocused] = useState(0);
  if (names.length === 0) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = (focused + (event.key === 'ArrowRight' ? 1 : names.length - 1)) % names.length;
    setFocused(next);
    document.getElementById(`faq-var-insert-${next}`)?.focus();
  };
  return (
    <div className="faq-insert" role="toolbar" aria-label={t('faq.edit.insertVar')} onKeyDown={onKeyDown}>
      <span className="faq-insert__label">{t('faq.edit.insertVar')}</span>
      {names.map((name, i) => (
        <button
          key={name}
          id={`faq-var-insert-${i}`}
          type="button"
          className="faq-insert__var"
          data-testid="faq-insert-var"
          data-name={name}
          tabIndex={i === Math.min(focused, names.length - 1) ? 0 : -1}
          onClick={() => onInsert(name)}
        >
          {`{${name}}`}
        </button>
      ))}
    </div>
  );
}
