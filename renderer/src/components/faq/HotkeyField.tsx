import { useState, type KeyboardEvent } from 'react';
import type { FaqEntryView } from '../../../../shared/api/contract.js';
import { hotkeyOf } from '../../../../shared/faq/hotkey.js';
import { useT } from '../../i18n/useI18n.js';
import { hotkeyOwner } from './entryForm.js';
import { isCommonShortcut, isModifierKey } from './hotkeyAdvice.js';

/**
 * Records a hotkey by pressing it (no typing "Alt+1"): hotkeyOf decides what the press means,
 * keys outside the allowed set are refused with the rule, Backspace/Delete clears. A clash with
 * another entry's hotkey shows before saving. Tab, Esc and Enter keep their usual meaning.
 */
export function HotkeyField({
  value,
  error,
  entries,
  selfId,
  onChange,
}: {
  value: string;
  error: string | undefined;
  entries: readonly FaqEntryView[];
  selfId: string | null;
  onChange: (hotkey: string) => void;
}) {
  const t = useT();
  const [refused, setRefused] = useState<string | null>(null);
  const owner = hotkeyOwner(value, entries, selfId);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Tab, Esc and Enter (Ctrl+Enter saves) keep their meaning; a modifier alone starts a combination.
    if (['Tab', 'Escape', 'Enter'].includes(event.key) || isModifierKey(event.key)) return;
    event.preventDefault();
    // The board's own keys (the reply panel's hotkeys) must not act on a key being recorded.
    event.stopPropagation();
    if ((event.key === 'Backspace' || event.key === 'Delete') && !event.ctrlKey && !event.altKey) {
      setRefused(null);
      onChange('');
      return;
    }
    const hotkey = hotkeyOf(event.nativeEvent);
    if (hotkey === null) {
      setRefused(describePress(event));
      return;
    }
    setRefused(null);
    onChange(hotkey);
  };

  const problem = error ?? (owner ? t('faq.hotkey.clash', { trigger: owner.triggers[0] ?? owner.id }) : null);
  const note = problem
    ? problem
    : refused
      ? t('faq.hotkey.refused', { keys: refused })
      : value && isCommonShortcut(value)
        ? t('faq.hotkey.common', { hotkey: value })
        : t('faq.hotkey.hint');
  const tone = problem ? 'error' : refused || (value && isCommonShortcut(value)) ? 'warn' : 'hint';

  return (
    <div className={`field field--hotkey${problem ? ' has-error' : ''}`}>
      <label className="field__label" htmlFor="faq-edit-hotkey">
        {t('faq.edit.hotkey')}
      </label>
      <div className="faq-hotkey">
        <input
          id="faq-edit-hotkey"
          className="input faq-hotkey__input"
          data-testid="faq-edit-hotkey"
          readOnly
          value={value}
          placeholder={t('faq.hotkey.placeholder')}
          aria-invalid={problem ? true : undefined}
          aria-describedby="faq-edit-hotkey-note"
          onKeyDown={onKeyDown}
        />
        {value && (
          <button
            type="button"
            className="btn btn--sm"
            data-testid="faq-edit-hotkey-clear"
            onClick={() => {
              setRefused(null);
              onChange('');
            }}
          >
            {t('faq.hotkey.clear')}
          </button>
        )}
      </div>
      <span
        id="faq-edit-hotkey-note"
        className={`field__${tone === 'error' ? 'error' : tone === 'warn' ? 'warn' : 'hint'}`}
        data-testid="faq-edit-hotkey-note"
        data-tone={tone}
      >
        {note}
      </span>
    </div>
  );
}

/** "Ctrl+Q"-style name of a refused press, so the message says what was pressed. */
function describePress(event: KeyboardEvent): string {
  const mods = [
    event.ctrlKey || event.metaKey ? 'Ctrl' : null,
    event.altKey ? 'Alt' : null,
    event.shiftKey ? 'Shift' : null,
  ].filter((m): m is string => m !== null);
  const key = event.key === ' ' ? 'Space' : event.key.length === 1 ? event.key.toUpperCase() : event.key;
  return [...mods, key].join('+');
}
