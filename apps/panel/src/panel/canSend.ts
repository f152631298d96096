import { type CommandType, can, type SessionView } from '@cercle/domain';

/**
 * May this person send this kind of command now, as the domain rules it (who they are and the
 * session's phase; what a command carries is judged when it is sent). Every control that sends a
 * command is shown or enabled by this, so the panel never restates a rule of its own. A view
 * answers as the session does: who and when never rest on a text the person may not read.
 */
export function canSend(view: SessionView, myId: string, type: CommandType): boolean {
  return can(view, myId, type).ok;
}
