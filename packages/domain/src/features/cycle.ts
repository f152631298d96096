import { ANY_TIME, type CommandEntries } from '../commandEntry.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { Rejection } from '../rejection.ts';
import { isCalendarDate } from '../text.ts';

/**
 * The session's place in its group's cycle [R39] [R43]: opening and planning the next session is
 * what one does once this one has ended, so these run in every phase.
 */
export type CycleCommand =
  | { readonly type: 'announceNextSession'; readonly sessionId: string }
  | ({ readonly type: 'planSession' } & SessionPlan);

export type CycleEvent =
  | { readonly type: 'nextSessionAnnounced'; readonly sessionId: string }
  | ({ readonly type: 'sessionPlanned' } & SessionPlan);

/** When the session is planned for and how many sessions its cycle holds; either may be unset. */
export interface SessionPlan {
  readonly scheduledFor: string | null;
  readonly cycleSessions: number | null;
}

export const cycleCommands: CommandEntries<CycleCommand> = {
  announceNextSession: {
    who: 'facilitator',
    when: ANY_TIME,
    isWholeText: false,
    decide(state, { sessionId }) {
      if (state.nextSessionId === sessionId) return reject(Rejection.unchanged);
      return accept({ type: 'nextSessionAnnounced', sessionId });
    },
  },
  planSession: {
    who: 'facilitator',
    when: ANY_TIME,
    isWholeText: false,
    decide(state, { scheduledFor, cycleSessions }) {
      if (scheduledFor !== null && !isCalendarDate(scheduledFor))
        return reject(Rejection.invalidChoice);
      if (
        cycleSessions !== null &&
        (!Number.isInteger(cycleSessions) ||
          cycleSessions < 1 ||
          cycleSessions > LIMITS.cycleSessionsMax)
      )
        return reject(Rejection.invalidChoice);
      if (state.scheduledFor === scheduledFor && state.cycleSessions === cycleSessions)
        return reject(Rejection.unchanged);
      return accept({ type: 'sessionPlanned', scheduledFor, cycleSessions });
    },
  },
};

export const cycleEvents: EventEntries<CycleEvent> = {
  nextSessionAnnounced: {
    apply: (state, { sessionId }) => ({ ...state, nextSessionId: sessionId }),
    privacy: PUBLIC,
  },
  sessionPlanned: {
    apply: (state, { scheduledFor, cycleSessions }) => ({ ...state, scheduledFor, cycleSessions }),
    privacy: PUBLIC,
  },
};
