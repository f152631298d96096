import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A button that asks again in place before acting: embedded browsers in meeting clients may
 * block `window.confirm`.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  className,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  className?: string;
}) {
  const { t } = useI18n();
  const [isAsking, setIsAsking] = useState(false);
  if (!isAsking)
    return (
      <button type="button" className={className} onClick={() => setIsAsking(true)}>
        {label}
      </button>
    );
  return (
    <fieldset className="confirm plain-fieldset" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setIsAsking(false);
          onConfirm();
        }}
      >
        {t.controls.confirm}
      </button>
      <button type="button" onClick={() => setIsAsking(false)}>
        {t.controls.cancel}
      </button>
    </fieldset>
  );
}
