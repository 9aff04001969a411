import { useState } from 'react';
import type { ApiResult } from '../../../shared/errors';
import { useNotices } from '../app/notices';
import { ARCHIVE_BUTTON_ID, RESTORE_BUTTON_ID, focusWhenShown } from './focus';

/**
 * Archiving and restoring a record from its screen: one call at a time, the refusal kept for
 * the screen to show, a notice when it is done.
 */
export function useArchiveToggle<T>(
  toggle: (archived: boolean) => Promise<ApiResult<T>>,
  onDone: (value: T, archived: boolean) => void,
) {
  const showNotice = useNotices((state) => state.showNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function setArchived(archived: boolean) {
    setError(null);
    setBusy(true);
    const result = await toggle(archived);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onDone(result.value, archived);
    // The button that undoes it takes the focus: Archive becomes Restore and the reverse.
    focusWhenShown(archived ? RESTORE_BUTTON_ID : ARCHIVE_BUTTON_ID);
    showNotice(archived ? 'common.ui.notices.archived' : 'common.ui.notices.restored');
  }

  return { busy, error, setArchived: (archived: boolean) => void setArchived(archived) };
}
