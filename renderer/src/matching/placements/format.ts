import type { PlacementKind, PlacementOutcome } from '../../../../shared/pipeline';

/** Labels of the pipeline's enums live with the pipeline's translations. */
export const placementKindKey = (kind: PlacementKind) => `matching.values.placementKinds.${kind}`;
export const placementOutcomeKey = (outcome: PlacementOutcome) => `matching.values.placementOutcomes.${outcome}`;

/** What each kind asks beyond the common fields: its prescriber (PMSMP), a renewal (internship), a stipend (not a PMSMP: the person keeps their income). */
export const KIND_FIELDS: Record<PlacementKind, { prescriber: boolean; renews: boolean; stipend: boolean }> = {
  pmsmp: { prescriber: true, renews: false, stipend: false },
  internship_apprenticeship: { prescriber: false, renews: true, stipend: true },
  temp_mission: { prescriber: false, renews: false, stipend: true },
  training: { prescriber: false, renews: false, stipend: true },
};
