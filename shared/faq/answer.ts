/** Fills an answer's {变量} placeholders with the show's values. */

export interface FilledAnswer {
  text: string;
  /** Placeholders without a (non-empty) value, in order of first use; left in the text as-is. */
  missing: string[];
}

const PLACEHOLDER = /\{([^{}\s]{1,20})\}/g;

export function fillAnswer(answer: string, vars: Readonly<Record<string, string>>): FilledAnswer {
  const missing: string[] = [];
  const text = answer.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value !== undefined && value !== '') return value;
    if (!missing.includes(name)) missing.push(name);
    return whole;
  });
  return { text, missing };
}
