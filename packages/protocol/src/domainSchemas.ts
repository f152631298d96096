import {
  ASSIGNABLE_ROLES,
  type Command,
  Floor,
  isValidName,
  isValidText,
  LIMITS,
  Presence,
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
import { PROTOCOL_LIMITS } from './limits.ts';

const time = z.number().int().nonnegative().max(8.64e15);
const signedMs = z
  .number()
  .int()
  .min(-LIMITS.stageDurationMaxMs * 4)
  .max(LIMITS.stageDurationMaxMs * 4);
const index = z.number().int().min(0).max(LIMITS.stagesMax);

export const idSchema = z
  .string()
  .min(1)
  .max(PROTOCOL_LIMITS.idMaxChars)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

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
const roleSchema = z.enum(ROLES as [string, ...string[]]) as z.ZodType<(typeof ROLES)[number]>;
const assignableRoleSchema = z.enum(ASSIGNABLE_ROLES);
const floorSchema = z.enum(Object.values(Floor) as [Floor, ...Floor[]]);
const presenceSchema = z.enum([Presence.online, Presence.offline]);
const localizedSchema = z.object({ fr: z.string().max(400), en: z.string().max(400) });

export const stageSchema: z.ZodType<Stage> = z.object({
  key: idSchema,
  title: localizedSchema,
  plannedMs: plannedMsSchema,
  floor: floorSchema,
  guidance: z.object({
    facilitator: localizedSchema,
    client: localizedSchema,
    consultant: localizedSchema,
    observer: localizedSchema,
  }),
});

export const timerSchema: z.ZodType<Timer> = z.discriminatedUnion('status', [
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

export const commandSchema = z.discriminatedUnion('type', [
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
]) as z.ZodType<Command>;

export const eventSchema = z.discriminatedUnion('type', [
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
]) as z.ZodType<SessionEvent>;

// Only the domain's `viewFor` makes a view: a snapshot from the server, once parsed, is one.
export const viewSchema = z.object({
  id: idSchema,
  groupName: z.string(),
  templateKey: z.string(),
  lifecycle: z.enum(['scheduled', 'live', 'ended']),
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
}) as z.ZodType<SessionState> as z.ZodType<SessionView>;
