/** A count in the interface language: "16 069", "16,069". */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}
