import { PASSWORD_MIN_LENGTH } from '../../../shared/roles';

export type PasswordStrength = 'tooShort' | 'weak' | 'fair' | 'strong';

/**
 * A hint, not a rule (the main process only asks for the minimum length): length counts most,
 * then the kinds of characters; one character repeated, or a run like "1234…", is weak.
 */
export function passwordStrength(password: string): PasswordStrength {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  const distinct = new Set(password).size;
  if (distinct <= 3) return 'weak';
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((kind) => kind.test(password)).length;
  const spaces = (password.match(/\s+/g) ?? []).length;
  if (password.length >= 20 || (password.length >= 16 && (kinds >= 3 || spaces >= 2))) return 'strong';
  if (password.length >= 14 || kinds >= 3) return 'fair';
  return 'weak';
}
