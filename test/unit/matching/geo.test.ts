import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CommuneTable, createLocator, haversineKm, normaliseCommuneName } from '../../../electron/matching/geo';
import { communeLocator } from '../../../electron/services/matching';
import { COMMUNES_FILE, buildCommuneTable, buildFromPackages, communeTableJson } from '../../../electron/tools/build-communes';

describe('commune names', () => {
  it('compare whatever the accents, case, hyphens, apostrophes and "St"', () => {
    expect(normaliseCommuneName('St-Priest')).toBe(normaliseCommuneName('SAINT PRIEST'));
    expect(normaliseCommuneName('Saint-Étienne')).toBe('saint etienne');
    expect(normaliseCommuneName("L'Isle-d'Abeau")).toBe(normaliseCommuneName('l isle d abeau'));
    expect(normaliseCommuneName('Ste-Foy-lès-Lyon')).toBe('sainte foy les lyon');
  });
});

describe('distances', () => {
  it('are great-circle kilometres', () => {
    expect(haversineKm({ lat: 48.857, lng: 2.352 }, { lat: 45.761, lng: 4.852 })).toBeCloseTo(392, 0);
    expect(haversineKm(PLACES.lyon, PLACES.lyon)).toBe(0);
  });
});

const PLACES = {
  lyon: { lat: 45.761, lng: 4.852 },
  saintMartinNorth: { lat: 50.0, lng: 3.0 },
  saintMartinSouth: { lat: 43.5, lng: 1.5 },
};

const TABLE: CommuneTable = {
  attribution: 'test',
  postalCodes: {
    '69003': [['Lyon', 45.761, 4.852]],
    '69004': [['Lyon', 45.775, 4.827]],
    '69100': [['Villeurbanne', 45.766, 4.88]],
    '38080': [
      ["L'Isle-d'Abeau", 45.62, 5.23],
      ['Four', 45.58, 5.19, 1],
    ],
    '59100': [['Saint-Martin', 50.0, 3.0]],
    '31000': [['Saint-Martin', 43.5, 1.5]],
  },
};

describe('the locator', () => {
  const locate = createLocator(TABLE);

  it('finds the commune of that name under the postal code', () => {
    expect(locate('38080', "l'isle d'abeau")).toEqual({ lat: 45.62, lng: 5.23, approximate: false });
    expect(locate('38080', 'FOUR')).toEqual({ lat: 45.58, lng: 5.19, approximate: true });
  });

  it('takes the mean of the postal code’s communes when the name is missing or not among them', () => {
    const mean = { lat: (45.62 + 45.58) / 2, lng: (5.23 + 5.19) / 2, approximate: true };
    expect(locate('38080', null)).toEqual(mean);
    expect(locate('38080', 'Bourgoin')).toEqual(mean);
    expect(locate('69100', 'Villeurbane')).toEqual({ lat: 45.766, lng: 4.88, approximate: false });
  });

  it('finds a name alone when it names one place, or homonyms close together (a city’s arrondissements)', () => {
    expect(locate(null, 'Villeurbanne')).toEqual({ lat: 45.766, lng: 4.88, approximate: false });
    expect(locate(null, 'Lyon')).toMatchObject({ lat: (45.761 + 45.775) / 2, approximate: true });
    expect(locate(null, 'Saint-Martin')).toBeNull();
    // A postal code it does not know (a CEDEX) still says which département.
    expect(locate('59999', 'St Martin')).toEqual({ lat: 50, lng: 3, approximate: false });
  });

  it('knows nothing without a postal code or name it can place', () => {
    expect(locate(null, null)).toBeNull();
    expect(locate('99999', null)).toBeNull();
    expect(locate(null, 'Atlantis')).toBeNull();
  });
});

describe('the committed commune table', () => {
  it('is what the generator makes from the pinned packages', () => {
    expect(readFileSync(COMMUNES_FILE, 'utf8')).toBe(communeTableJson(buildFromPackages()));
  });

  it('places big and small communes, and the arrondissements of Paris, Lyon and Marseille', async () => {
    const locate = await communeLocator();
    const lyon3 = locate('69003', 'Lyon');
    const lyon9 = locate('69009', 'Lyon');
    expect(lyon3).toMatchObject({ approximate: false });
    expect(haversineKm(lyon3 ?? PLACES.lyon, lyon9 ?? PLACES.lyon)).toBeGreaterThan(2);
    expect(haversineKm(locate('75011', 'Paris') ?? PLACES.lyon, locate('75016', 'Paris') ?? PLACES.lyon)).toBeGreaterThan(5);
    expect(haversineKm(locate('38000', 'Grenoble') ?? PLACES.lyon, PLACES.lyon)).toBeCloseTo(94, -1);
    expect(locate('97400', 'Saint-Denis')).toMatchObject({ lat: expect.closeTo(-20.88, 1) });
    expect(locate('01400', "L'Abergement-Clémenciat")).not.toBeNull();
  });

  it('gives a commune GeoNames lacks the mean of its EPCI, else of its département, flagged approximate', () => {
    const cities = [
      { name: 'Alpha', lat: '45', lng: '5', country: 'FR', admin2: '38' },
      { name: 'Beta', lat: '47', lng: '7', country: 'FR', admin2: '38' },
      { name: 'Paris 11 Popincourt', lat: '48.857', lng: '2.38', country: 'FR', admin2: '75' },
      { name: 'Saint-Denis', lat: '-20.88', lng: '55.45', country: 'RE', admin2: '974' },
    ];
    const communes = [
      { code: '38001', nom: 'Alpha', type: 'commune-actuelle', departement: '38', codesPostaux: ['38100'] },
      { code: '38002', nom: 'Beta', type: 'commune-actuelle', departement: '38', codesPostaux: ['38200'] },
      { code: '38003', nom: 'Gamma', type: 'commune-actuelle', departement: '38', codesPostaux: ['38100'] },
      { code: '38004', nom: 'Delta', type: 'commune-actuelle', departement: '38', codesPostaux: ['38300'] },
      { code: '75056', nom: 'Paris', type: 'commune-actuelle', departement: '75', codesPostaux: ['75011'] },
      { code: '75111', nom: 'Paris 11e Arrondissement', type: 'arrondissement-municipal', commune: '75056', departement: '75', codesPostaux: ['75011'] },
      { code: '97411', nom: 'Saint-Denis', type: 'commune-actuelle', departement: '974', codesPostaux: ['97400'] },
      { code: '98401', nom: 'Terre-Adélie', type: 'commune-actuelle', departement: '984', codesPostaux: ['98404'] },
    ];
    const epcis = [{ code: '200000001', membres: [{ code: '38001' }, { code: '38003' }] }];
    expect(buildCommuneTable(communes, epcis, cities).postalCodes).toEqual({
      '38100': [
        ['Alpha', 45, 5],
        ['Gamma', 45, 5, 1],
      ],
      '38200': [['Beta', 47, 7]],
      '38300': [['Delta', 46, 6, 1]],
      '75011': [['Paris', 48.857, 2.38]],
      '97400': [['Saint-Denis', -20.88, 55.45]],
    });
  });
});
