import { type Command, FACILITATOR_COMMANDS } from './command.ts';
import { decideContent } from './decideContent.ts';
import type { SessionEvent } from './event.ts';
import { LIMITS } from './limits.ts';
import { Rejection } from './rejection.ts';
import { findPerson, type Person, type SessionState } from './session.ts';
import { CUSTOM_STAGE_GUIDANCE } from './stageCatalogue.ts';
import { isValidName, isValidText } from './text.ts';

export type Decision =
  | { readonly ok: true; readonly events: readonly SessionEvent[] }
  | { readonly ok: false; readonly reason: Rejection };

const accept = (...events: SessionEvent[]): Decision => ({ ok: true, events });
const reject = (reason: Rejection): Decision => ({ ok: false, reason });

function isValidDuration(plannedMs: number | null): boolean {
  return (
    plannedMs === null ||
    (Number.isInteger(plannedMs) && plannedMs > 0 && plannedMs <= LIMITS.stageDurationMaxMs)
  );
}

/**
 * Decides what a command does to a session: the events to record, or why it is refused.
 * Pure: the actor and the time come in as arguments.
 */
export function decide(
  state: SessionState,
  command: Command,
  actorId: string,
  now: number,
): Decision {
  const actor = findPerson(state, actorId);
  if (command.type === 'join') return decideJoin(state, command.displayName, actor, actorId);
  if (!actor) return reject(Rejection.notInSession);
  if (FACILITATOR_COMMANDS.has(command.type)) {
    if (actor.role !== 'facilitator') return reject(Rejection.notFacilitator);
    // Opening and planning the group's next session is what one does once this one has ended.
    if (
      state.lifecycle === 'ended' &&
      command.type !== 'announceNextSession' &&
      command.type !== 'planSession'
    )
      return reject(Rejection.sessionEnded);
  }
  switch (command.type) {
    case 'rename':
      if (state.lifecycle === 'ended') return reject(Rejection.sessionEnded);
      if (!isValidName(command.displayName, LIMITS.displayNameMaxChars))
        return reject(Rejection.invalidText);
      if (command.displayName.trim() === actor.displayName) return reject(Rejection.unchanged);
      return accept({
        type: 'personRenamed',
        personId: actor.id,
        displayName: command.displayName.trim(),
      });
    case 'setPresence':
      if (command.presence === actor.presence) return reject(Rejection.unchanged);
      return accept({ type: 'presenceChanged', personId: actor.id, presence: command.presence });
    case 'writeNote': {
      if (!isValidText(command.text, LIMITS.noteMaxChars)) return reject(Rejection.invalidText);
      const before = state.notes[actor.id];
      if (before?.text === command.text) return reject(Rejection.unchanged);
      return accept({
        type: 'noteWritten',
        authorId: actor.id,
        text: command.text,
        at: now,
        visibility: before?.visibility ?? 'me',
      });
    }
    case 'startSession':
      if (state.lifecycle !== 'scheduled') return reject(Rejection.sessionAlreadyStarted);
      return accept({ type: 'sessionStarted', at: now });
    case 'endSession':
      return accept({ type: 'sessionEnded', at: now });
    case 'goToStage':
      if (state.lifecycle !== 'live') return reject(Rejection.sessionNotLive);
      if (command.fromIndex !== state.currentStageIndex) return reject(Rejection.staleStage);
      if (command.toIndex < 0 || command.toIndex >= state.stages.length)
        return reject(Rejection.stageOutOfRange);
      if (command.toIndex === state.currentStageIndex) return reject(Rejection.sameStage);
      return accept({
        type: 'stageChanged',
        fromIndex: command.fromIndex,
        toIndex: command.toIndex,
        at: now,
      });
    case 'undoStageChange':
      if (state.lifecycle !== 'live') return reject(Rejection.sessionNotLive);
      if (!state.lastStageChange) return reject(Rejection.nothingToUndo);
      if (command.fromIndex !== state.currentStageIndex) return reject(Rejection.staleStage);
      return accept({ type: 'stageChangeUndone', at: now });
    case 'startTimer':
      if (state.lifecycle !== 'live') return reject(Rejection.sessionNotLive);
      if (state.timer.status !== 'idle') return reject(Rejection.timerAlreadyStarted);
      return accept({ type: 'timerStarted', endsAt: now + state.timer.durationMs });
    case 'pauseTimer':
      if (state.lifecycle !== 'live') return reject(Rejection.sessionNotLive);
      if (state.timer.status !== 'running') return reject(Rejection.timerNotRunning);
      return accept({ type: 'timerPaused', remainingMs: state.timer.endsAt - now });
    case 'resumeTimer':
      if (state.lifecycle !== 'live') return reject(Rejection.sessionNotLive);
      if (state.timer.status !== 'paused') return reject(Rejection.timerNotPaused);
      return accept({ type: 'timerResumed', endsAt: now + state.timer.remainingMs });
    case 'adjustTimer':
      if (state.lifecycle !== 'live') return reject(Rejection.sessionNotLive);
      if (
        !Number.isInteger(command.deltaMs) ||
        command.deltaMs === 0 ||
        Math.abs(command.deltaMs) > LIMITS.timerAdjustMaxMs
      )
        return reject(Rejection.invalidDuration);
      return accept({ type: 'timerAdjusted', deltaMs: command.deltaMs });
    case 'resetTimer':
      if (state.lifecycle !== 'live') return reject(Rejection.sessionNotLive);
      return accept({ type: 'timerReset' });
    case 'setStageDurations': {
      if (command.durations.length === 0) return reject(Rejection.unchanged);
      for (const { stageKey, plannedMs } of command.durations) {
        if (!state.stages.some((stage) => stage.key === stageKey))
          return reject(Rejection.unknownStage);
        if (!isValidDuration(plannedMs)) return reject(Rejection.invalidDuration);
      }
      return accept({ type: 'stageDurationsChanged', durations: command.durations });
    }
    case 'addStage': {
      if (state.stages.length >= LIMITS.stagesMax) return reject(Rejection.tooManyStages);
      if (!Number.isInteger(command.atIndex) || command.atIndex < 0)
        return reject(Rejection.stageOutOfRange);
      if (command.atIndex > state.stages.length) return reject(Rejection.stageOutOfRange);
      if (!isValidName(command.title, LIMITS.stageTitleMaxChars))
        return reject(Rejection.invalidText);
      if (!isValidDuration(command.plannedMs)) return reject(Rejection.invalidDuration);
      // Live, a stage cannot be slipped in before the one being run: that would rewrite the past.
      if (state.lifecycle === 'live' && command.atIndex <= state.currentStageIndex)
        return reject(Rejection.stageOutOfRange);
      const title = command.title.trim();
      return accept({
        type: 'stageAdded',
        atIndex: command.atIndex,
        stage: {
          key: `custom-${state.customStageCount + 1}`,
          title: { fr: title, en: title },
          plannedMs: command.plannedMs,
          floor: command.floor,
          guidance: CUSTOM_STAGE_GUIDANCE,
        },
      });
    }
    case 'removeStage': {
      const index = state.stages.findIndex((stage) => stage.key === command.stageKey);
      if (index < 0) return reject(Rejection.unknownStage);
      if (state.stages.length === 1) return reject(Rejection.cannotRemoveLastStage);
      if (state.lifecycle === 'live' && index <= state.currentStageIndex)
        return reject(Rejection.cannotRemoveCurrentStage);
      return accept({ type: 'stageRemoved', stageKey: command.stageKey });
    }
    case 'moveStage': {
      const index = state.stages.findIndex((stage) => stage.key === command.stageKey);
      if (index < 0) return reject(Rejection.unknownStage);
      if (
        !Number.isInteger(command.toIndex) ||
        command.toIndex < 0 ||
        command.toIndex >= state.stages.length
      )
        return reject(Rejection.stageOutOfRange);
      if (command.toIndex === index) return reject(Rejection.unchanged);
      // Live, only stages still ahead can be reordered, among themselves.
      if (
        state.lifecycle === 'live' &&
        (index <= state.currentStageIndex || command.toIndex <= state.currentStageIndex)
      )
        return reject(Rejection.stageOutOfRange);
      return accept({ type: 'stageMoved', stageKey: command.stageKey, toIndex: command.toIndex });
    }
    case 'assignRole': {
      const target = findPerson(state, command.personId);
      if (!target) return reject(Rejection.unknownPerson);
      if (target.role === 'facilitator') return reject(Rejection.facilitatorKeepsRole);
      if (target.role === command.role) return reject(Rejection.unchanged);
      return accept({ type: 'roleAssigned', personId: target.id, role: command.role });
    }
    case 'handOverFacilitation': {
      const target = findPerson(state, command.toPersonId);
      if (!target) return reject(Rejection.unknownPerson);
      if (target.id === actor.id) return reject(Rejection.alreadyFacilitator);
      return accept({
        type: 'facilitationHandedOver',
        fromPersonId: actor.id,
        toPersonId: target.id,
      });
    }
    default:
      return decideContent(state, command, actor, now);
  }
}

function decideJoin(
  state: SessionState,
  displayName: string,
  existing: Person | undefined,
  actorId: string,
): Decision {
  if (existing) return reject(Rejection.alreadyJoined);
  if (state.lifecycle === 'ended') return reject(Rejection.sessionEnded);
  if (state.people.length >= LIMITS.peopleMax) return reject(Rejection.sessionFull);
  if (!isValidName(displayName, LIMITS.displayNameMaxChars)) return reject(Rejection.invalidText);
  return accept({
    type: 'personJoined',
    person: {
      id: actorId,
      displayName: displayName.trim(),
      role: 'consultant',
      presence: 'online',
    },
  });
}
