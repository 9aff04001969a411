import { describe, expect, it } from 'vitest';
import { guessColumns, headerShape, locateTable } from '../../../shared/sheet-table';

describe('locateTable', () => {
  it('finds the header under a title and blank lines, and leaves out blank and total rows', () => {
    const rows = [
      ['Association Tremplin — suivi 2026', null, null],
      [],
      ['', '', ''],
      ['Nom', 'Prénom', 'Tél'],
      ['Diallo', 'Aminata', 612345678],
      [null, '', null],
      ['Martin', 'Paul', '07 00 00 00 00'],
      ['TOTAL', 2, null],
      [],
      [],
    ];
    const table = locateTable(rows);
    expect(table?.headerRow).toBe(3);
    expect(table?.rows).toEqual([
      { line: 5, cells: ['Diallo', 'Aminata', 612345678] },
      { line: 7, cells: ['Martin', 'Paul', '07 00 00 00 00'] },
    ]);
    expect(table?.skipped).toEqual({ blank: 1, totals: 1 });
  });

  it('takes the first filled row followed by data when no header is known, and finds no table in an empty sheet', () => {
    expect(locateTable([['Titre'], ['Colonne A', 'Colonne B'], ['1', '2']])?.headerRow).toBe(1);
    expect(locateTable([[], ['seul']])).toBeNull();
  });
});

describe('guessColumns', () => {
  it('reads French, English and Italian headers, and gives a field to its first column only', () => {
    expect(guessColumns(['NOM', 'Prénom', 'Tél.', 'Portable', 'Date de naissance', 'Niveau de français', 'Titre de séjour', 'Date fin titre', 'Orienté par', 'Divers'])).toEqual([
      'lastName',
      'firstName',
      'phone',
      null,
      'birthDate',
      'frenchLevel',
      'authorisationDocument',
      'authorisationExpiry',
      'referralPartner',
      null,
    ]);
    expect(guessColumns(['Cognome', 'Nome', 'Data di nascita', 'Cellulare'])).toEqual(['lastName', 'firstName', 'birthDate', 'phone']);
    expect(guessColumns(['Last name', 'First name', 'Date of birth', 'Phone'])).toEqual(['lastName', 'firstName', 'birthDate', 'phone']);
  });

  it('gives the same shape to the same headers however they are written', () => {
    expect(headerShape(['Nom', 'Prénom'])).toBe(headerShape([' NOM ', 'prenom']));
    expect(headerShape(['Nom', 'Prénom'])).not.toBe(headerShape(['Prénom', 'Nom']));
  });
});

describe('guessColumns for each kind', () => {
  it('guesses employers with their contact, job needs, volunteers and partners from French, English and Italian headers', () => {
    expect(guessColumns(['Raison sociale', 'N° SIRET', "Secteur d'activité", 'Contact', 'Fonction', 'Tél contact', 'Mail contact'], 'employers')).toEqual([
      'name',
      'siret',
      'sector',
      'contactName',
      'contactRole',
      'contactPhone',
      'contactEmail',
    ]);
    expect(guessColumns(['Company', 'Job title', 'Contract type', 'Positions', 'Start date', 'End date'], 'jobNeeds')).toEqual([
      'employer',
      'occupation',
      'contractType',
      'positions',
      'startDate',
      'endDate',
    ]);
    expect(guessColumns(['Azienda', 'Mansione', 'Tipo di contratto', 'Numero posti', 'Data di inizio'], 'jobNeeds')).toEqual(['employer', 'occupation', 'contractType', 'positions', 'startDate']);
    expect(guessColumns(['Cognome', 'Nome', 'Cellulare', 'Disponibilità'], 'volunteers')).toEqual(['lastName', 'firstName', 'phone', 'availability']);
    expect(guessColumns(['Structure', 'Type', 'Ville', 'Référent'], 'partners')).toEqual(['name', 'partnerKind', 'commune', 'contactName']);
    // "Nom" is a person's last name on a list of people, an organisation's name on a list of employers.
    expect(guessColumns(['Nom'], 'candidates')).toEqual(['lastName']);
    expect(guessColumns(['Nom'], 'employers')).toEqual(['name']);
  });
});
