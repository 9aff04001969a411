import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/api/backend';
import type { Clock } from '../../../../electron/core/clock';
import type { InputOf } from '../../../../shared/api';
import { ok } from '../../../support/api';
import { recoveryKeyOf } from '../../../support/accounts';
import { matchablePerson } from '../../../support/matching';
import { exportTo, importFile, twoPartners, useExchangeBackend } from '../../../support/exchange';
import { useBackend } from '../../../support/temp';

/**
 * Matching keeps the files in memory and reads again only those a write touched. After each
 * write, its answers must equal those of a second connection to the same file, which reads
 * every file again (another connection's write changes its `data_version`).
 */

const TODAY = '2026-11-20';
const clock: Clock = { now: () => new Date(`${TODAY}T09:00:00.000Z`) };

const LOGISTICS = '00000000-0000-7000-8000-000000000001';
const CLEANING = '00000000-0000-7000-8000-000000000004';
const ALL = { limit: 500, excludedLimit: 500 };

/** A spreadsheet of two people who meet the logistics need's level, one of them in Lyon. */
const SHEET = ['Nom;Prénom;Niveau de français;Code postal;Ville', 'Traoré;Moussa;B1;69003;Lyon', 'Nguyen;Linh;A2;;'].join('\r\n');

/** The same answers, both ways, from the service kept current and from one that read everything. */
async function expectAsRebuilt(kept: Backend, rebuilt: Backend, needIds: string[], candidateIds: string[], step: string) {
  for (const jobNeedId of needIds) {
    expect(await ok(kept, 'matching.forNeed', { jobNeedId, ...ALL }), `${step}: need ${jobNeedId}`).toEqual(await ok(rebuilt, 'matching.forNeed', { jobNeedId, ...ALL }));
  }
  for (const candidateId of candidateIds) {
    expect(await ok(kept, 'matching.forCandidate', { candidateId, ...ALL }), `${step}: candidate ${candidateId}`).toEqual(
      await ok(rebuilt, 'matching.forCandidate', { candidateId, ...ALL }),
    );
  }
}

/** Needs that each read different fields: sector and French level; a licence and a contract's end; no place, a CDI. */
async function needsAt(backend: Backend) {
  const employer = await ok(backend, 'employers.create', { name: 'Logistique Rhône', postalCode: '69003', commune: 'Lyon', sectorId: LOGISTICS });
  const create = (fields: Partial<InputOf<'jobNeeds.create'>>) =>
    ok(backend, 'jobNeeds.create', { employerId: employer.id, occupation: 'Préparateur de commandes', contractType: 'cdd', ...fields });
  const needs = [
    await create({ sectorId: LOGISTICS, minFrenchLevel: 'A2', startDate: '2026-12-01', endDate: '2027-05-31' }),
    await create({ occupation: 'Chauffeur livreur', drivingLicenceRequired: true, authorisationThroughContract: true, endDate: '2027-02-28', postalCode: '38000' }),
    await create({ occupation: 'Agent de nettoyage', contractType: 'cdi', sectorId: CLEANING }),
  ];
  return { employer, needIds: needs.map((need) => need.id) };
}


/**
 * Files beside those the tests change, so that a write touches fewer than a quarter of them:
 * more makes matching read everything again, and the tests are about reading only some.
 */
async function others(backend: Backend) {
  const levels = ['A1', 'A2', 'B1', 'B2', 'not_assessed'] as const;
  for (const [index, firstName] of ['Ali', 'Bea', 'Cem', 'Dan', 'Eva', 'Fay', 'Gil', 'Hoa', 'Ivo', 'Jun'].entries()) {
    await matchablePerson(backend, { firstName, frenchLevel: levels[index % levels.length], sectorIds: index % 2 === 0 ? [LOGISTICS] : [CLEANING] });
  }
}

describe('matching kept current on writes', { timeout: 120_000 }, () => {
  const openBackend = useBackend();

  it('after each write (create, every field matching reads, archive, restore, pipeline, merge, needs), answers as if it read every file again', async () => {
    const kept = await openBackend({ clock });
    const rebuilt = await openBackend({ clock, file: kept.database.file });
    const { employer, needIds } = await needsAt(kept);
    const amina = await matchablePerson(kept);
    const omar = await matchablePerson(kept, { firstName: 'Omar', lastName: 'Ahmadi', frenchLevel: 'A2', sectorIds: [] });
    const candidateIds = [amina.id, omar.id];
    await others(kept);
    await expectAsRebuilt(kept, rebuilt, needIds, candidateIds, 'warm');

    const update = (fields: Partial<InputOf<'candidates.update'>>) => ok(kept, 'candidates.update', { id: amina.id, ...fields });
    const writes: [string, () => Promise<unknown>][] = [
      ['create', async () => candidateIds.push((await matchablePerson(kept, { firstName: 'Hélène', lastName: 'Martin', mobility: null })).id)],
      ['status', () => update({ status: 'employed' })],
      ['French level', () => update({ frenchLevel: 'A1' })],
      ['authorisation document', () => update({ authorisationDocument: 'asylum_certificate' })],
      ['authorisation start', () => update({ authorisationStart: '2026-12-15' })],
      ['authorisation expiry', () => update({ authorisationExpiry: '2027-01-31' })],
      ['employer must apply', () => update({ employerMustApply: true })],
      ['asylum registered on', () => update({ asylumRegisteredOn: '2026-01-10' })],
      ['mobility', () => update({ mobility: 'licence_and_vehicle' })],
      ['distance limit', () => update({ maxDistanceKm: 5 })],
      ['travel limit', () => update({ maxTravelMinutes: 30 })],
      ['place', () => update({ postalCode: '38000', commune: 'Grenoble' })],
      ['sectors', () => update({ sectorIds: [CLEANING, LOGISTICS] })],
      ['no sectors', () => update({ sectorIds: [] })],
      ['occupations', () => update({ occupations: [{ label: 'Cariste', romeCode: 'N1101' }, { label: 'Agent de nettoyage' }] })],
      ['available from', () => update({ availableFrom: '2027-01-15' })],
      ['consent withdrawn', () => update({ consentWithdrawnOn: '2026-11-18' })],
      ['last contact (a trigger on the timeline)', () => ok(kept, 'timeline.add', { subjectType: 'candidate', subjectId: omar.id, kind: 'call', occurredAt: '2026-11-15' })],
      ['left', () => update({ status: 'left' })],
      ['back', () => update({ status: 'active' })],
      ['archive', () => ok(kept, 'candidates.archive', { id: omar.id })],
      ['restore', () => ok(kept, 'candidates.restore', { id: omar.id })],
      ['recruitment', () => ok(kept, 'recruitments.create', { candidateId: omar.id, kind: 'cdd', employerId: employer.id, startDate: '2026-10-01', endDate: '2027-03-31' })],
      [
        'placement',
        () =>
          ok(kept, 'placements.create', {
            candidateId: candidateIds[2] as string,
            kind: 'pmsmp',
            employerId: employer.id,
            startDate: '2026-11-16',
            endDate: '2026-12-05',
            objective: 'Découvrir le métier',
            prescriber: 'France Travail',
          }),
      ],
      ['merge', () => ok(kept, 'candidates.merge', { keepId: amina.id, mergeId: omar.id })],
      ['undo the merge', () => ok(kept, 'candidates.undoMerge', { mergedId: omar.id })],
      ['need', () => ok(kept, 'jobNeeds.update', { id: needIds[0] as string, minFrenchLevel: 'B2', postalCode: '69100' })],
      ['need filled', () => ok(kept, 'jobNeeds.setState', { id: needIds[2] as string, state: 'filled' })],
      ['employer moves', () => ok(kept, 'employers.update', { id: employer.id, postalCode: '38000', commune: 'Grenoble' })],
      ['employer archived', () => ok(kept, 'employers.archive', { id: employer.id })],
    ];
    for (const [step, write] of writes) {
      await write();
      await expectAsRebuilt(kept, rebuilt, needIds, candidateIds, step);
    }
  });

  it('after the writes that change many files or none by the form (consent, restriction, sheets, erasure, anonymisation, a backup restored), answers as if it read every file again', async () => {
    const kept = await openBackend({ clock });
    const rebuilt = await openBackend({ clock, file: kept.database.file });
    const { needIds } = await needsAt(kept);
    const amina = await matchablePerson(kept);
    const omar = await matchablePerson(kept, { firstName: 'Omar', lastName: 'Ahmadi', frenchLevel: 'A2' });
    const hawa = await matchablePerson(kept, { firstName: 'Hawa', lastName: 'Keita', sectorIds: [CLEANING] });
    await others(kept);
    const candidateIds = [amina.id, omar.id];
    await expectAsRebuilt(kept, rebuilt, needIds, candidateIds, 'warm');
    const taken = await ok(kept, 'backups.backupNow', {});

    let sheetImportId = '';
    const writes: [string, () => Promise<unknown>][] = [
      ['consent to be presented', () => ok(kept, 'candidates.update', { id: amina.id, consentPresentation: false })],
      ['restricted', () => ok(kept, 'candidates.restrict', { id: omar.id, reason: 'accuracyContested' })],
      ['restriction lifted', () => ok(kept, 'candidates.liftRestriction', { id: omar.id })],
      [
        'spreadsheet imported',
        async () => {
          const opened = await ok(kept, 'sheets.open', { fileName: 'suivi.csv', contentBase64: Buffer.from(SHEET).toString('base64') });
          sheetImportId = (await ok(kept, 'sheets.apply', { importId: opened.importId })).id;
        },
      ],
      ['spreadsheet import undone', () => ok(kept, 'sheets.undo', { id: sheetImportId })],
      ['anonymised', () => ok(kept, 'retention.anonymise', { candidateId: hawa.id })],
      ['erased', () => ok(kept, 'rights.erase', { candidateId: omar.id, reason: 'request' })],
      ['backup restored', () => ok(kept, 'backups.restore', { name: taken.name, recoveryKey: recoveryKeyOf(kept) })],
    ];
    for (const [step, write] of writes) {
      await write();
      // An erased file is gone for good, a restore brings it back erased again.
      if (step === 'erased') candidateIds.splice(candidateIds.indexOf(omar.id), 1);
      await expectAsRebuilt(kept, rebuilt, needIds, candidateIds, step);
    }
  });

  it('after a write, reads again the files it touched by their key, not every active file', async () => {
    const statements: string[] = [];
    const backend = await openBackend({ clock, trace: (statement) => statements.push(statement) });
    const { needIds } = await needsAt(backend);
    const amina = await matchablePerson(backend);
    await others(backend);
    const jobNeedId = needIds[0] as string;
    await ok(backend, 'matching.forNeed', { jobNeedId });
    await ok(backend, 'candidates.update', { id: amina.id, frenchLevel: 'A1' });
    statements.length = 0;
    await ok(backend, 'matching.forNeed', { jobNeedId });
    const plans = statements
      .filter((statement) => /^select/i.test(statement) && statement.includes('from "candidates"'))
      .map((statement) => (backend.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((row) => row.detail));
    // The file written, then the files returned, read again to be explained: each by its key.
    expect(plans).toEqual([
      expect.arrayContaining(['SEARCH candidates USING INDEX candidates_id_unique (id=?)']),
      expect.arrayContaining(['SEARCH candidates USING INDEX candidates_id_unique (id=?)']),
    ]);
  });

  const openExchangeBackend = useExchangeBackend();

  it('after an import, new files and updated ones, answers as if it read every file again', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openExchangeBackend);
    const rebuilt = await openBackend({ file: b.database.file });
    const { needIds } = await needsAt(b);
    await others(b);
    await expectAsRebuilt(b, rebuilt, needIds, [], 'warm');

    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    await expectAsRebuilt(b, rebuilt, needIds, [amina.id], 'new file');

    await ok(a, 'candidates.update', { id: amina.id, frenchLevel: 'B2', sectorIds: [CLEANING], postalCode: '69100', commune: 'Villeurbanne' });
    await importFile(b, (await exportTo(a, cardBatA.id, [amina.id])).content);
    await expectAsRebuilt(b, rebuilt, needIds, [amina.id], 'updated file');
  });
});
