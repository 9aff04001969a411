/**
 * "de" before a name, elided as French writes it: "d'Aminata", "d'Hélène", "de Karim",
 * "de Hamid". Before an h the spelling cannot tell a mute h from an aspirated one: the
 * French given names with a mute h mostly go on with e or u (Henri, Hervé, Hugo), the names
 * from elsewhere mostly with a (Hamid, Hawa), so only the former elide.
 */
export function frenchDe(name: string): string {
  return /^(?:[aeiouàâäéèêëîïôöùûü]|h[eéèêu])/i.test(name.trim()) ? `d'${name.trim()}` : `de ${name.trim()}`;
}
