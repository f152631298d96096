import type { CommandEntries } from './commandEntry.ts';
import { type CaseCommand, caseCommands } from './features/cases.ts';
import { type ClarificationCommand, clarificationCommands } from './features/clarification.ts';
import { type ClosingCommand, closingCommands } from './features/closing.ts';
import { type ConsultationCommand, consultationCommands } from './features/consultation.ts';
import { type CycleCommand, cycleCommands } from './features/cycle.ts';
import { type DebriefCommand, debriefCommands } from './features/debrief.ts';
import { type EthicsCommand, ethicsCommands } from './features/ethics.ts';
import { type InclusionCommand, inclusionCommands } from './features/inclusion.ts';
import { type LifecycleCommand, lifecycleCommands } from './features/lifecycle.ts';
import { type NoteCommand, noteCommands } from './features/notes.ts';
import { type ObservationCommand, observationCommands } from './features/observation.ts';
import { type PrivacyCommand, privacyCommands } from './features/privacy.ts';
import { type RosterCommand, rosterCommands } from './features/roster.ts';
import { type StageCommand, stageCommands } from './features/stages.ts';
import { type TimerCommand, timerCommands } from './features/timer.ts';
import { type TurnCommand, turnCommands } from './features/turns.ts';

export type { StageDuration } from './features/stages.ts';

/** What a person asks of the session, feature by feature (`features/`). */
export type Command =
  | RosterCommand
  | LifecycleCommand
  | StageCommand
  | TimerCommand
  | NoteCommand
  | InclusionCommand
  | DebriefCommand
  | CaseCommand
  | TurnCommand
  | ConsultationCommand
  | ClosingCommand
  | PrivacyCommand
  | CycleCommand
  | EthicsCommand
  | ClarificationCommand
  | ObservationCommand;

export type CommandType = Command['type'];

/**
 * Every command's row: who may send it, when, whether it carries a whole text, and what it does.
 * The type makes the table complete; every list below is read from it.
 */
export const COMMANDS: CommandEntries<Command> = {
  ...rosterCommands,
  ...lifecycleCommands,
  ...stageCommands,
  ...timerCommands,
  ...noteCommands,
  ...inclusionCommands,
  ...debriefCommands,
  ...caseCommands,
  ...turnCommands,
  ...consultationCommands,
  ...closingCommands,
  ...privacyCommands,
  ...cycleCommands,
  ...ethicsCommands,
  ...clarificationCommands,
  ...observationCommands,
};

export const COMMAND_TYPES = Object.keys(COMMANDS) as readonly CommandType[];

const typesWhere = (keep: (type: CommandType) => boolean): ReadonlySet<CommandType> =>
  new Set(COMMAND_TYPES.filter(keep));

/** Commands only the facilitator may issue. */
export const FACILITATOR_COMMANDS = typesWhere((type) => COMMANDS[type].who === 'facilitator');

/**
 * Commands that carry their author's whole text or answer: the last one sent is the one that
 * counts, so an earlier one still waiting to be sent (or sent again) is superseded by it.
 */
export const WHOLE_TEXT_COMMANDS = typesWhere((type) => COMMANDS[type].isWholeText);
