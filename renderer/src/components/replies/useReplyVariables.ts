import { useMemo } from 'react';
import { autoVariables, mergeVariables } from '../../../../shared/faq/variables.js';
import { useBoardStore } from '../../state/boardStore.js';
import { useFaqStore } from '../../state/faqStore.js';

/** The {变量} values answers are filled with now; the core fills listQuestions the same way (mergeVariables). Recomputed only when the values or the product change. */
export function useReplyVariables(): Record<string, string> {
  const values = useFaqStore((s) => s.vars?.values);
  const product = useBoardStore((s) => s.product);
  return useMemo(() => mergeVariables(values ?? {}, autoVariables(product)), [values, product]);
}
