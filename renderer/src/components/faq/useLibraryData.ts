/** Derived library data the dialog's parts share, memoised so a board update re-renders nothing. */
import { useMemo } from 'react';
import type { ComplianceWords, FaqEntryView } from '../../../../shared/api/contract.js';
import { fillAnswer } from '../../../../shared/faq/answer.js';
import { findProhibitedWords } from '../../../../shared/faq/compliance.js';
import { variablesOf } from '../../../../shared/faq/variables.js';
import { useFaqStore } from '../../state/faqStore.js';
import { useReplyVariables } from '../replies/useReplyVariables.js';

/**
 * The {变量} values answers are filled with now: the same ones the reply panel copies with. The
 * same object until a value changes (the product's stock ticking must not rescan 5,000 answers).
 */
export function useFillVars(): Record<string, string> {
  const key = JSON.stringify(useReplyVariables());
  return useMemo(() => JSON.parse(key) as Record<string, string>, [key]);
}

/** Ids of the entries whose filled answer contains a prohibited word (the list's ⚠). */
export function useEntriesWithHits(entries: readonly FaqEntryView[]): ReadonlySet<string> {
  const vars = useFillVars();
  const compliance = useFaqStore((s) => s.compliance);
  return useMemo(() => entriesWithHits(entries, vars, compliance), [entries, vars, compliance]);
}

function entriesWithHits(
  entries: readonly FaqEntryView[],
  vars: Readonly<Record<string, string>>,
  compliance: ComplianceWords | null,
): ReadonlySet<string> {
  const ids = new Set<string>();
  if (!compliance || compliance.words.length === 0) return ids;
  for (const entry of entries) {
    if (findProhibitedWords(fillAnswer(entry.answer, vars).text, compliance).length > 0) ids.add(entry.id);
  }
  return ids;
}

/**
 * Every {变量} name worth offering: what the answers use and what the show has values for,
 * the most used first (商品, 发货时间 before a name one answer uses).
 */
export function useKnownVariableNames(): string[] {
  const entries = useFaqStore((s) => s.entries);
  const used = useFaqStore((s) => s.variables);
  const vars = useFaqStore((s) => s.vars);
  const fill = useFillVars();
  return useMemo(() => {
    const uses = new Map<string, number>();
    for (const entry of entries)
      for (const name of variablesOf(entry.answer)) uses.set(name, (uses.get(name) ?? 0) + 1);
    const names = new Set([
      ...used,
      ...(vars?.used ?? []),
      ...Object.keys(vars?.values ?? {}),
      ...Object.keys(fill),
    ]);
    return [...names].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || a.localeCompare(b, 'zh-CN'));
  }, [entries, used, vars, fill]);
}
