import { type ChangeEvent, type InputHTMLAttributes, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type FileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> & {
  id: string;
  onChange(event: ChangeEvent<HTMLInputElement>): void;
};

/**
 * A file field in the interface's language ("Choisir un fichier… / Aucun fichier choisi"),
 * not the browser's. The system's input stays the one the label names and the keyboard
 * reaches (visually hidden); what shows is a button and the file's name.
 */
export function FileInput({ id, onChange, disabled, className, ...input }: FileInputProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const chosenId = `${id}-chosen`;
  const describedBy = [input['aria-describedby'], chosenId].filter(Boolean).join(' ');
  return (
    <span className={className ? `file-picker ${className}` : 'file-picker'}>
      <input
        {...input}
        ref={inputRef}
        id={id}
        type="file"
        className="file-picker-input visually-hidden"
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => {
          setFileName(event.target.files?.[0]?.name ?? null);
          onChange(event);
        }}
      />
      {/* For the mouse: the input above is what the keyboard and screen readers use. */}
      <span className="file-picker-face" aria-hidden="true">
        <button type="button" className="button button-secondary button-small" tabIndex={-1} disabled={disabled} onClick={() => inputRef.current?.click()}>
          {t('common.ui.fileInput.choose')}
        </button>
        <span id={chosenId} className="file-picker-name">
          {fileName ?? t('common.ui.fileInput.none')}
        </span>
      </span>
    </span>
  );
}
