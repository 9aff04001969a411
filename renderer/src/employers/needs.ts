import type { JobNeedState } from '../../../shared/domain';

/** The states a need can go to from the employer's page, in the words of the action. */
export const STATE_ACTIONS: Record<JobNeedState, { state: JobNeedState; label: string }[]> = {
  open: [
    { state: 'filled', label: 'employers.ui.needs.actions.fill' },
    { state: 'closed', label: 'employers.ui.needs.actions.close' },
  ],
  filled: [{ state: 'open', label: 'employers.ui.needs.actions.reopen' }],
  closed: [{ state: 'open', label: 'employers.ui.needs.actions.reopen' }],
};
