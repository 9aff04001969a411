import { z } from 'zod';

/**
 * A decimal typed in a text field, "17,5" as in France or "17.5": an empty field is "not
 * known" (null); the API's own shape then checks the number, so form and router agree.
 * `invalidKey` is the message for text that is no number at all.
 */
export function decimalInput<Shape extends z.ZodType>(shape: Shape, invalidKey: string) {
  return z.preprocess((value, context) => {
    if (typeof value !== 'string') return value;
    const text = value.trim().replace(',', '.');
    if (text === '') return null;
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
    context.addIssue({ code: 'custom', message: invalidKey, input: value });
    return z.NEVER;
  }, shape);
}

/** A number put back in a text field the interface's own way ("17,5" in French); empty when unknown. */
export function decimalText(value: number | null, language: string): string {
  return value === null ? '' : new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 2 }).format(value);
}
