import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from './icons';
import { useNotices } from './notices';

const NOTICE_DURATION_MS = 4000;

/** Always in the page, so screen readers hear each notice put into it. */
export function NoticeRegion() {
  const { t } = useTranslation();
  const notice = useNotices((state) => state.notice);
  const dismissNotice = useNotices((state) => state.dismissNotice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dismissNotice(notice.id), NOTICE_DURATION_MS);
    return () => clearTimeout(timer);
  }, [notice, dismissNotice]);

  return (
    <div className="notice-region" role="status" data-testid="notice">
      {notice && (
        <p className="notice" key={notice.id} data-notice-id={notice.id}>
          <CheckIcon />
          <span>{t(notice.messageKey)}</span>
        </p>
      )}
    </div>
  );
}
