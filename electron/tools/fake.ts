/**
 * Realistic fake records for demos, end-to-end tests and benchmarks: French and foreign
 * names, every status, plausible documents and dates. Deterministic for a given seed.
 */

/** mulberry32: a small, fast, seedable PRNG (Math.random cannot be seeded). */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (probability: number) => next() < probability,
  };
}
export type Random = ReturnType<typeof randomSource>;

/** Name pools by origin, with the nationality and languages that usually go with them. */
export const ORIGINS = [
  {
    nationality: 'FR',
    languages: ['fr'],
    first: ['Hélène', 'Jeanne', 'Camille', 'Nathalie', 'Sylvie', 'Léa', 'Jérôme', 'François', 'Cédric', 'Loïc', 'Benoît', 'Mathis'],
    last: ['Dupont', 'Martin', 'Bernard', 'Lefèvre', 'Moreau', 'Girard', 'Bonnet', 'Rousseau', 'Faure', 'Mercier', 'Lemaître', 'Chevalier'],
  },
  {
    nationality: 'DZ',
    languages: ['ar', 'fr'],
    first: ['Mohamed', 'Karim', 'Yacine', 'Nassim', 'Amina', 'Fatima', 'Samira', 'Nour', 'Rachid', 'Sofiane'],
    last: ['Benali', 'Haddad', 'Boukhari', 'Mansouri', 'Belkacem', 'Saadi', 'Cherif', 'Djebbar'],
  },
  {
    nationality: 'AF',
    languages: ['ps', 'fa'],
    first: ['Ahmad', 'Mohammad', 'Farid', 'Zahra', 'Hamid', 'Wahid', 'Nazanin', 'Sayed', 'Khalid', 'Mina'],
    last: ['Ahmadi', 'Karimi', 'Rahimi', 'Hakimi', 'Popal', 'Safi', 'Noori', 'Stanekzai'],
  },
  {
    nationality: 'GN',
    languages: ['fr', 'ff'],
    first: ['Mamadou', 'Ibrahima', 'Alpha', 'Fatoumata', 'Mariama', 'Aïssatou', 'Ousmane', 'Kadiatou', 'Thierno', 'Hawa'],
    last: ['Diallo', 'Barry', 'Bah', 'Sow', 'Camara', 'Condé', 'Keïta', 'Touré'],
  },
  {
    nationality: 'UA',
    languages: ['uk', 'ru'],
    first: ['Olena', 'Iryna', 'Oksana', 'Andriy', 'Dmytro', 'Yulia', 'Natalia', 'Serhiy', 'Kateryna', 'Vitaliy'],
    last: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Oliynyk', 'Polishchuk'],
  },
  {
    nationality: 'ER',
    languages: ['ti', 'ar'],
    first: ['Tesfay', 'Yonas', 'Senait', 'Semhar', 'Filmon', 'Helen', 'Abraham', 'Mebrat', 'Daniel', 'Luwam'],
    last: ['Tesfamariam', 'Ghebreyesus', 'Haile', 'Berhane', 'Kidane', 'Woldemichael', 'Tekle', 'Asfaw'],
  },
  {
    nationality: 'SY',
    languages: ['ar', 'ku'],
    first: ['Omar', 'Hassan', 'Rami', 'Layla', 'Rasha', 'Bilal', 'Dana', 'Yara', 'Tarek', 'Hiba'],
    last: ['Al-Hassan', 'Khalil', 'Haddad', 'Darwish', 'Nasser', 'Hamdan', 'Youssef', 'Saleh'],
  },
] as const;

export const COMMUNES = [
  ['Lyon', '69003'],
  ['Villeurbanne', '69100'],
  ['Vénissieux', '69200'],
  ['Vaulx-en-Velin', '69120'],
  ['Saint-Priest', '69800'],
  ['Bron', '69500'],
  ['Grenoble', '38000'],
  ['Saint-Étienne', '42000'],
  ['Villefranche-sur-Saône', '69400'],
  ['Givors', '69700'],
] as const;

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** A valid French mobile number (06 or 07 ranges in service) in E.164, as the app stores it. */
export function frenchMobile(random: Random): string {
  const prefix = random.chance(0.7) ? `6${random.pick(['0', '1', '2', '4', '5', '6', '7', '8'])}` : `7${random.int(3, 9)}`;
  return `+33${prefix}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** What the pipeline's records say, as people in the field write it. */
export const PIPELINE_TEXTS = {
  presentationNotes: ['Appel à l’employeur', 'CV envoyé par e-mail', 'Entretien fixé par téléphone', 'Retour positif du responsable', 'Relance sans réponse'],
  objectives: [
    'Découvrir le métier de préparateur de commandes',
    'Confirmer le projet d’aide à domicile',
    'Évaluer les gestes du métier en cuisine',
    'Découvrir le travail en boulangerie',
    'Vérifier l’aptitude au travail en hauteur',
  ],
  prescribers: ['France Travail Lyon 7', 'Mission locale de Villeurbanne', 'Cap emploi Rhône', 'Département du Rhône'],
  tutors: ['Paul Girard', 'Sylvie Moreau', 'Karim Haddad', 'Nathalie Faure', 'Jérôme Bonnet'],
  agencies: ['Adecco Vénissieux', 'Randstad Lyon Part-Dieu', 'Manpower Villeurbanne', 'Start People Bron'],
  trainingBodies: ['AFPA Vénissieux', 'GRETA Lyon Métropole', 'CFA du BTP', 'Compagnons du Devoir'],
  cities: ['Ville de Lyon', 'Comune di Milano', 'Ville de Villeurbanne'],
} as const;
