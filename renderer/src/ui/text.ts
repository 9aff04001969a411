/** Lower case without accents, for comparing what people type ("helene" finds "Hélène"). */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
