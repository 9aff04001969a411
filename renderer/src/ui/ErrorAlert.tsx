import { useTranslation } from 'react-i18next';

/** A refusal or failure in words, announced as it appears; nothing when there is none. */
export function ErrorAlert({ messageKey }: { messageKey: string | null | undefined }) {
  const { t } = useTranslation();
  if (!messageKey) return null;
  return (
    <p className="alert alert-error" role="alert">
      {t(messageKey)}
    </p>
  );
}
