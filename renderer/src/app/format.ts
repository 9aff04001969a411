import { dateFormat } from '../../../shared/dateFormat';
/** A timestamp or `YYYY-MM-DD` date in the interface language, e.g. "22 nov. 2025". */
export function formatDate(value: string, language: string, style: 'medium' | 'long' = 'medium'): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(language, { dateStyle: style }).format(date);
}

/** A SIRET as people read it: "732 829 320 00074" (the SIREN in threes, then the establishment's five digits). */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

/**
 * "de" before a name, elided as French writes it: "d'Aminata", "d'Hélène", "de Karim",
 * "de Hamid". Before an h the spelling cannot tell a mute h from an aspirated one: the
 * French given names with a mute h mostly go on with e or u (Henri, Hervé, Hugo), the names
 * from elsewhere mostly with a (Hamid, Hawa), so only the former elide.
 */
export function frenchDe(name: string): string {
  return /^(?:[aeiouàâäéèêëîïôöùûü]|h[eéèêu])/i.test(name.trim()) ? `d'${name.trim()}` : `de ${name.trim()}`;
}
