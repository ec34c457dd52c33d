import type { MouseEvent } from 'react';
import { interpolate, useT } from '../../i18n/useI18n.js';
import type { ReplyChip } from './chips.js';

interface SuggestionChipsProps {
  chips: readonly ReplyChip[];
  /** Index of the picked chip (only on the selected row), else -1. */
  picked: number;
  pickTitle: string;
  noMatch: string;
  onCopy: (faqId: string, chipIndex: number) => void;
}

/** A group's suggested replies: number key, category, the answer's first words, its hotkey. */
export function SuggestionChips({ chips, picked, pickTitle, noMatch, onCopy }: SuggestionChipsProps) {
  const t = useT();
  if (chips.length === 0) {
    return (
      <div className="reply-chips">
        <span className="reply-chips__none">{noMatch}</span>
      </div>
    );
  }
  return (
    <div className="reply-chips">
      {chips.map((chip, i) => (
        <span
          key={chip.faqId}
          className={`reply-chip${i === picked ? ' is-picked' : ''}`}
          data-testid="reply-chip"
          data-faq-id={chip.faqId}
          title={interpolate(pickTitle, { key: String(i + 1), answer: chip.text })}
          onClick={(event: MouseEvent) => {
            // The row's own click would only select; a chip copies.
            event.stopPropagation();
            onCopy(chip.faqId, i);
          }}
        >
          <kbd className="reply-chip__key">{i + 1}</kbd>
          <span className="reply-chip__cat">{t(`replies.category.${chip.category}`)}</span>
          <span className="reply-chip__text">{chip.snippet}</span>
          {chip.hotkey && <kbd className="reply-chip__hotkey">{chip.hotkey}</kbd>}
        </span>
      ))}
    </div>
  );
}
