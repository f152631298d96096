import {
  ASSIGNABLE_ROLES,
  asReceivedView,
  type Command,
  FLOORS,
  isValidName,
  isValidText,
  LIFECYCLES,
  LIMITS,
  PRESENCES,
  ROLES,
  type SessionEvent,
  type SessionState,
  type SessionView,
  type Stage,
  type Timer,
} from '@cercle/domain';
import { z } from 'zod';
import {
  contentCommandSchemas,
  contentEventSchemas,
  contentViewShape,
  noteSchema,
  visibilitySchema,
} from './contentSchemas.ts';
import { idSchema, epochMsSchema as time } from './ids.ts';
import type { Equal, FieldsThatDiffer, MembersThatDiffer } from './typeEquality.ts';

const signedMs = z
  .number()
  .int()
  .min(-LIMITS.stageDurationMaxMs * 4)
  .max(LIMITS.stageDurationMaxMs * 4);
const index = z.number().int().min(0).max(LIMITS.stagesMax);

const nameSchema = (maxChars: number) =>
  z
    .string()
    .max(maxChars + 20, `at most ${maxChars} characters`)
    .refine((value) => isValidName(value, maxChars), {
      message: `1 to ${maxChars} visible characters, once invisible and control ones are removed`,
    });

export const displayNameSchema = nameSchema(LIMITS.displayNameMaxChars);
export const groupNameSchema = nameSchema(LIMITS.groupNameMaxChars);
export const stageTitleSchema = nameSchema(LIMITS.stageTitleMaxChars);
export const noteTextSchema = z
  .string()
  .max(LIMITS.noteMaxChars, `at most ${LIMITS.noteMaxChars} characters`)
  .refine((value) => isValidText(value, LIMITS.noteMaxChars), {
    message: 'no control characters',
  });

const plannedMsSchema = z.number().int().positive().max(LIMITS.stageDurationMaxMs).nullable();
export const roleSchema = z.enum(ROLES);
export const assignableRoleSchema = z.enum(ASSIGNABLE_ROLES);
export const floorSchema = z.enum(FLOORS);
export const presenceSchema = z.enum(PRESENCES);
export const lifecycleSchema = z.enum(LIFECYCLES);
const localizedSchema = z.object({ fr: z.string().max(400), en: z.string().max(400) });

export const stageSchema = z.object({
  key: idSchema,
  title: localizedSchema,
  plannedMs: plannedMsSchema,
  isAutoTimed: z.boolean().optional(),
  floor: floorSchema,
  guidance: z.object({
    facilitator: localizedSchema,
    client: localizedSchema,
    consultant: localizedSchema,
    observer: localizedSchema,
  }),
});

export const timerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle'), durationMs: z.number().int().nonnegative() }),
  z.object({
    status: z.literal('running'),
    durationMs: z.number().int().nonnegative(),
    endsAt: time,
  }),
  z.object({
    status: z.literal('paused'),
    durationMs: z.number().int().nonnegative(),
    remainingMs: z.number().int(),
  }),
]);

const stageDurationSchema = z.object({ stageKey: idSchema, plannedMs: plannedMsSchema });

export const personSchema = z.object({
  id: idSchema,
  displayName: z.string().max(LIMITS.displayNameMaxChars),
  role: roleSchema,
  presence: presenceSchema,
});

const commandShapes = z.discriminatedUnion('type', [
  z.object({ type: z.literal('join'), displayName: displayNameSchema }),
  z.object({ type: z.literal('startSession') }),
  z.object({ type: z.literal('endSession') }),
  z.object({ type: z.literal('goToStage'), fromIndex: index, toIndex: index }),
  z.object({ type: z.literal('undoStageChange'), fromIndex: index }),
  z.object({ type: z.literal('startTimer') }),
  z.object({ type: z.literal('pauseTimer') }),
  z.object({ type: z.literal('resumeTimer') }),
  z.object({
    type: z.literal('adjustTimer'),
    deltaMs: z.number().int().min(-LIMITS.timerAdjustMaxMs).max(LIMITS.timerAdjustMaxMs),
  }),
  z.object({ type: z.literal('resetTimer') }),
  z.object({
    type: z.literal('setTimerAutoStart'),
    stageKeys: z.array(idSchema).min(1).max(LIMITS.stagesMax),
    isAutoTimed: z.boolean(),
  }),
  z.object({
    type: z.literal('setStageDurations'),
    durations: z.array(stageDurationSchema).min(1).max(LIMITS.stagesMax),
  }),
  z.object({
    type: z.literal('addStage'),
    atIndex: index,
    title: stageTitleSchema,
    plannedMs: plannedMsSchema,
    floor: floorSchema,
  }),
  z.object({ type: z.literal('removeStage'), stageKey: idSchema }),
  z.object({ type: z.literal('moveStage'), stageKey: idSchema, toIndex: index }),
  z.object({ type: z.literal('assignRole'), personId: idSchema, role: assignableRoleSchema }),
  z.object({ type: z.literal('handOverFacilitation'), toPersonId: idSchema }),
  z.object({ type: z.literal('removePerson'), personId: idSchema }),
  z.object({ type: z.literal('rename'), displayName: displayNameSchema }),
  z.object({ type: z.literal('setPresence'), presence: presenceSchema }),
  z.object({ type: z.literal('writeNote'), text: noteTextSchema }),
  ...contentCommandSchemas,
]);

const eventShapes = z.discriminatedUnion('type', [
  z.object({ type: z.literal('personJoined'), person: personSchema }),
  z.object({ type: z.literal('sessionStarted'), at: time }),
  z.object({ type: z.literal('sessionEnded'), at: time }),
  z.object({ type: z.literal('stageChanged'), fromIndex: index, toIndex: index, at: time }),
  z.object({ type: z.literal('stageChangeUndone'), at: time }),
  z.object({ type: z.literal('timerStarted'), endsAt: time }),
  z.object({ type: z.literal('timerPaused'), remainingMs: signedMs }),
  z.object({ type: z.literal('timerResumed'), endsAt: time }),
  z.object({ type: z.literal('timerAdjusted'), deltaMs: signedMs }),
  z.object({ type: z.literal('timerReset') }),
  z.object({
    type: z.literal('timerAutoStartSet'),
    stageKeys: z.array(idSchema).max(LIMITS.stagesMax),
    isAutoTimed: z.boolean(),
  }),
  z.object({
    type: z.literal('stageDurationsChanged'),
    durations: z.array(stageDurationSchema).max(LIMITS.stagesMax),
  }),
  z.object({ type: z.literal('stageAdded'), atIndex: index, stage: stageSchema }),
  z.object({ type: z.literal('stageRemoved'), stageKey: idSchema }),
  z.object({ type: z.literal('stageMoved'), stageKey: idSchema, toIndex: index }),
  z.object({ type: z.literal('roleAssigned'), personId: idSchema, role: assignableRoleSchema }),
  z.object({
    type: z.literal('facilitationHandedOver'),
    fromPersonId: idSchema,
    toPersonId: idSchema,
  }),
  z.object({ type: z.literal('personRenamed'), personId: idSchema, displayName: z.string() }),
  z.object({ type: z.literal('personRemoved'), personId: idSchema }),
  z.object({ type: z.literal('presenceChanged'), personId: idSchema, presence: presenceSchema }),
  z.object({
    type: z.literal('noteWritten'),
    authorId: idSchema,
    text: z.string(),
    at: time,
    visibility: visibilitySchema.optional(),
  }),
  ...contentEventSchemas,
]);

/**
 * Commands and events as the domain types them (read-only): zod infers the same shapes, mutable,
 * which these annotations widen without a cast; the checks at the end of the file keep them equal.
 */
export const commandSchema: z.ZodType<Command, Command> = commandShapes;
export const eventSchema: z.ZodType<SessionEvent, SessionEvent> = eventShapes;

/** The shape of a view, as `viewFor` on the server made it: a session, redacted for its reader. */
export const viewShapeSchema = z.object({
  id: idSchema,
  groupName: z.string(),
  templateKey: z.string(),
  lifecycle: lifecycleSchema,
  createdAt: time,
  startedAt: time.nullable(),
  endedAt: time.nullable(),
  plannedEndAt: time.nullable(),
  stages: z.array(stageSchema).min(1).max(LIMITS.stagesMax),
  currentStageIndex: index,
  stageStartedAt: time.nullable(),
  timer: timerSchema,
  people: z.array(personSchema).max(LIMITS.peopleMax),
  removedIds: z.array(idSchema).max(LIMITS.removalsMax),
  notes: z.record(idSchema, noteSchema),
  lastStageChange: z
    .object({
      fromIndex: index,
      toIndex: index,
      previousTimer: timerSchema,
      previousStageStartedAt: time.nullable(),
    })
    .nullable(),
  customStageCount: z.number().int().nonnegative(),
  ...contentViewShape,
});

/**
 * A view as a panel receives it in a snapshot: checked against the shape, then taken as a view
 * through the domain's one door for received views (only `viewFor` makes one otherwise).
 */
export const viewSchema = viewShapeSchema.transform(asReceivedView);

/** A view a panel received, or null when it is not one. */
export function parseView(value: unknown): SessionView | null {
  const result = viewSchema.safeParse(value);
  return result.success ? result.data : null;
}

// Each schema infers exactly its domain type: `pnpm typecheck` fails naming what drifted.
const _stageMatches: FieldsThatDiffer<z.infer<typeof stageSchema>, Stage> = {};
const _timerMatches: MembersThatDiffer<z.infer<typeof timerSchema>, Timer, 'status'> = {};
const _commandsMatch: MembersThatDiffer<z.infer<typeof commandShapes>, Command> = {};
const _eventsMatch: MembersThatDiffer<z.infer<typeof eventShapes>, SessionEvent> = {};
const _viewShapeMatches: FieldsThatDiffer<z.infer<typeof viewShapeSchema>, SessionState> = {};
const _viewMatches: Equal<z.output<typeof viewSchema>, SessionView> = true;
