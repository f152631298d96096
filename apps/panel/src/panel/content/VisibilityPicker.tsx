import { type Command, KIND_VISIBILITIES, type TextRef, type Visibility } from '@cercle/domain';
import { useI18n } from '../../i18n/i18n.tsx';

/** Who reads a text, shown next to it and changed by its author only. */
export function VisibilityPicker({
  textRef,
  visibility,
  send,
}: {
  textRef: TextRef;
  visibility: Visibility;
  send: (c: Command) => void;
}) {
  const { t } = useI18n();
  const id = `visibility-${textRef.kind}-${textRef.id}`;
  return (
    <p className="visibility">
      <label htmlFor={id}>{t.content.visibility.label}</label>{' '}
      <select
        id={id}
        data-testid={`visibility-${textRef.kind}`}
        value={visibility}
        onChange={(e) =>
          send({ type: 'setVisibility', ref: textRef, visibility: e.target.value as Visibility })
        }
      >
        {KIND_VISIBILITIES[textRef.kind].map((v) => (
          <option key={v} value={v}>
            {t.content.visibility[v]}
          </option>
        ))}
      </select>
    </p>
  );
}

/** A fixed visibility, for a text that has not been written yet or cannot change. */
export function VisibilityLabel({ visibility }: { visibility: Visibility }) {
  const { t } = useI18n();
  return (
    <p className="visibility">
      {t.content.visibility.label} <strong>{t.content.visibility[visibility]}</strong>
    </p>
  );
}
