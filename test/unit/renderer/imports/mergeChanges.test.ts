import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { type MergeNames, mergeChangeText } from '../../../../renderer/src/imports/mergeChanges';
import { translator } from '../../../../shared/i18n';
import type { PreviewRow } from '../../../../shared/sheets';
import { ok } from '../../../support/api';
import { useBackend } from '../../../support/temp';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const t = translator('fr') as unknown as TFunction;

/**
 * What the sheet import's preview says a merge into a known record does (the server's changes as
 * renderer/src/imports/mergeChanges.ts words them): every field by its label, every value as the
 * file's screens show it, never a field's code name, a list's code or a record's id.
 */
describe('what a merge of a spreadsheet row says it does', () => {
  const open = useBackend();

  async function previewed(backend: Awaited<ReturnType<typeof open>>, kind: 'candidates' | 'employers' | 'jobNeeds' | 'partners', rows: string[]): Promise<PreviewRow[]> {
    const opened = await ok(backend, 'sheets.open', { fileName: 'x.csv', contentBase64: base64(rows.join('\r\n')) });
    return (await ok(backend, 'sheets.preview', { importId: opened.importId, kind })).rows;
  }

  it('names a person\'s fields and shows her values in words, her referrer and sector by their names', async () => {
    const backend = await open();
    const partner = await ok(backend, 'partners.create', { name: 'CADA Les Tilleuls', kind: 'asylum_housing' });
    const sector = await ok(backend, 'sectors.create', { name: 'Maraîchage bio' });
    await ok(backend, 'candidates.create', { firstName: 'Aminata', lastName: 'Diallo', birthDate: '1994-03-15', frenchLevel: 'A2', consentRecording: true });
    const [row] = await previewed(backend, 'candidates', [
      'Nom;Prénom;Date de naissance;Sexe;Nationalité;Niveau de français;Titre de séjour;Date fin titre;Orienté par;Date d\'orientation;Secteur;Public;Portable',
      'DIALLO;Aminata;15/03/1994;F;Sénégal;B1 (DELF);Récépissé;31/12/2027;CADA Les Tilleuls;02/09/2026;Maraîchage bio;BRSA;0612345678',
    ]);
    const names: MergeNames = { sector: (id) => (id === sector.id ? 'Maraîchage bio' : '?'), partner: (id) => (id === partner.id ? 'CADA Les Tilleuls' : '?') };
    expect(row?.merge.map((change) => mergeChangeText(change, t, 'fr', names)).sort()).toEqual([
      'Ajoutera à Secteurs : Maraîchage bio',
      "Garde Niveau de français : A2 — élémentaire (le tableur dit B1 — intermédiaire)",
      'Remplira Date de fin du titre : 31 déc. 2027',
      'Remplira Date d’orientation : 2 sept. 2026',
      'Remplira Genre : Femme',
      'Remplira Justificatif du niveau : DELF',
      'Remplira Nationalité : Sénégal',
      'Remplira Orienté par : CADA Les Tilleuls',
      'Remplira Public : Bénéficiaire du RSA',
      'Remplira Titre de séjour : Récépissé après protection accordée',
      'Remplira Téléphone : 06 12 34 56 78',
    ]);
  });

  it('names an employer\'s sector, a job need\'s contract and level, and leaves a partner\'s kind alone when the sheet does not say it', async () => {
    const backend = await open();
    const sector = await ok(backend, 'sectors.create', { name: 'Maraîchage bio' });
    const employer = await ok(backend, 'employers.create', { name: 'Les Jardins de Cocagne', siret: '73282932000074' });
    await ok(backend, 'jobNeeds.create', { employerId: employer.id, occupation: 'Maraîcher', contractType: 'cdd' });
    await ok(backend, 'partners.create', { name: 'CADA Les Tilleuls', kind: 'asylum_housing' });
    await ok(backend, 'partners.create', { name: 'Mission locale Est', kind: 'asylum_housing' });
    const names: MergeNames = { sector: (id) => (id === sector.id ? 'Maraîchage bio' : '?'), partner: () => '?' };
    const said = (rows: PreviewRow[]) => rows.map((row) => row.merge.map((change) => mergeChangeText(change, t, 'fr', names)).sort());

    expect(said(await previewed(backend, 'employers', ['Raison sociale;SIRET;Secteur;Charte signée le', 'Les Jardins de Cocagne;732 829 320 00074;Maraîchage bio;03/02/2026']))).toEqual([
      ['Remplira Charte signée le : 3 févr. 2026', 'Remplira Secteur : Maraîchage bio'],
    ]);
    expect(said(await previewed(backend, 'jobNeeds', ['Employeur;Poste;Type de contrat;Date de début;Niveau requis', 'Les Jardins de Cocagne;Maraîcher;CDI;01/03/2027;A2']))).toEqual([
      ['Garde Type de contrat : CDD (le tableur dit CDI)', 'Remplira Date de début : 1 mars 2027', 'Remplira Niveau de français requis : A2 — élémentaire'],
    ]);
    expect(said(await previewed(backend, 'partners', ['Structure;Type;Téléphone', 'CADA Les Tilleuls;;04 72 00 00 00', 'Mission locale Est;Mission locale;']))).toEqual([
      ['Remplira Téléphone : 04 72 00 00 00'],
      ['Garde Type de structure : Hébergement de demandeurs d\'asile (le tableur dit Service social)'],
    ]);
  });
});
