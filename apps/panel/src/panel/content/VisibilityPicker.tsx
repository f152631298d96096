import { type Command, KIND_VISIBILITIES, type TextRef, type Visibility } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';

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
  const pages = usePageMessages();
  const id = `visibility-${textRef.kind}-${textRef.id}`;
  return (
    <p className="visibility">
      <label htmlFor={id}>{pages.content.visibility.label}</label>{' '}
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
            {pages.content.visibility[v]}
          </option>
        ))}
      </select>
    </p>
  );
}

/** A fixed visibility, for a text that has not been written yet or cannot change. */
export function VisibilityLabel({ visibility }: { visibility: Visibility }) {
  const pages = usePageMessages();
  return (
    <p className="visibility">
      {pages.content.visibility.label} <strong>{pages.content.visibility[visibility]}</strong>
    </p>
  );
}
