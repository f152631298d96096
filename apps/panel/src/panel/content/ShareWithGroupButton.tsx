import type { Command, TextRef, Visibility } from '@cercle/domain';

interface Props {
  readonly textRef: TextRef;
  /** The text's visibility now: shared with the group or not. */
  readonly visibility: Visibility;
  readonly send: (command: Command) => void;
  readonly testId: string;
  readonly share: string;
  readonly unshare: string;
}

/** Shares one's own text with the group, or takes it back to oneself. */
export function ShareWithGroupButton({ textRef, visibility, send, testId, share, unshare }: Props) {
  const isShared = visibility === 'group';
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() =>
        send({ type: 'setVisibility', ref: textRef, visibility: isShared ? 'me' : 'group' })
      }
    >
      {isShared ? unshare : share}
    </button>
  );
}
