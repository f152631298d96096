import type { Command, SessionView } from '@cercle/domain';

/** What every content card receives: the person's view, who they are, and how to act. */
export interface ContentProps {
  readonly view: SessionView;
  readonly myId: string;
  readonly send: (command: Command) => void;
}

/** What a card that reads the time receives besides: the server's clock, as this device estimates it. */
export interface ClockedProps extends ContentProps {
  readonly serverNow: () => number;
}

export function nameOf(view: SessionView, personId: string): string {
  return view.people.find((p) => p.id === personId)?.displayName ?? '—';
}
