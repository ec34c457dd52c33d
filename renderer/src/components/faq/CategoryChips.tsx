import type { KeyboardEvent } from 'react';
import { FAQ_CATEGORIES, type FaqCategory } from '../../../../shared/faq/entry.js';
import { useT } from '../../i18n/useI18n.js';
import { faqUi } from '../../state/faqUi.js';

const CHOICES: readonly (FaqCategory | null)[] = [null, ...FAQ_CATEGORIES];

/**
 * Category filter chips with counts. One Tab stop: ←/→ move and pick, like a radio group, so
 * the keyboard goes from the search box to the list without ten stops in between.
 */
export function CategoryChips({
  counts,
  total,
  current,
}: {
  counts: Readonly<Record<FaqCategory, number>>;
  total: number;
  current: FaqCategory | null;
}) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : CHOICES.length - 1;
    const next = CHOICES[(CHOICES.indexOf(current) + step) % CHOICES.length] ?? null;
    faqUi.setCategory(next);
    document.getElementById(chipId(next))?.focus();
  };
  return (
    <div className="faq-chips" role="radiogroup" aria-label={t('faq.col.category')} onKeyDown={onKeyDown}>
      {CHOICES.map((category) => {
        const checked = category === current;
        const n = category === null ? total : counts[category];
        return (
          <button
            key={category ?? 'all'}
            id={chipId(category)}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            data-testid={`faq-chip-${category ?? 'all'}`}
            className={`pill faq-chip${checked ? ' is-current' : ''}${n === 0 ? ' is-empty' : ''}`}
            onClick={() => faqUi.setCategory(category)}
          >
            {category === null ? t('faq.cat.all') : t(`faq.cat.${category}`)}
            <span className="faq-chip__count">{n}</span>
          </button>
        );
      })}
    </div>
  );
}

const chipId = (category: FaqCategory | null) => `faq-chip-${category ?? 'all'}`;
