import type { appointmentMethods } from '../../../shared/appointments';
import type { planMethods } from '../../../shared/plans';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/open';
import { createAppointmentService } from '../../services/appointments';
import { createPlanService } from '../../services/plans';
import type { HandlersFor } from '../router';

/** The person's path: the action plan, appointments and the calendar. */
export function pathHandlers(db: Db, clock?: Clock): HandlersFor<typeof planMethods & typeof appointmentMethods> {
  const plans = createPlanService(db, clock);
  const appointments = createAppointmentService(db, clock);
  return {
    'plans.get': plans.get,
    'plans.recordDiagnosis': plans.recordDiagnosis,
    'plans.addObjective': plans.addObjective,
    'plans.updateObjective': plans.updateObjective,
    'plans.removeObjective': plans.removeObjective,
    'plans.addStep': plans.addStep,
    'plans.updateStep': plans.updateStep,
    'plans.removeStep': plans.removeStep,
    'plans.progress': plans.progress,
    'appointments.create': appointments.create,
    'appointments.update': appointments.update,
    'appointments.remove': appointments.remove,
    'appointments.get': appointments.get,
    'appointments.list': appointments.list,
    'appointments.calendar': appointments.calendar,
    'appointments.ics': appointments.ics,
    'appointments.icsWeek': appointments.icsWeek,
    'appointments.letter': appointments.letter,
    'appointments.message': appointments.message,
  };
}
