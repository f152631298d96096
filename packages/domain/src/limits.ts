/** Business limits of a session. The protocol validates against the same numbers. */
export const LIMITS = {
  displayNameMaxChars: 60,
  groupNameMaxChars: 120,
  stageTitleMaxChars: 80,
  noteMaxChars: 20_000,
  stagesMax: 30,
  peopleMax: 40,
  stageDurationMaxMs: 4 * 60 * 60 * 1000,
  timerAdjustMaxMs: 60 * 60 * 1000,
  caseTitleMaxChars: 120,
  /** Case summaries, contract requests, suggestions, plan lines, comments: a few lines each. */
  shortTextMaxChars: 2_000,
  /** Debriefs and learnings: a page at most. */
  longTextMaxChars: 5_000,
  casesMax: 20,
  suggestionsMax: 200,
  actionsMax: 10,
  consultationsMax: 4,
  adviceFlagsMax: 200,
  /** Clarification questions in one session. */
  questionsMax: 200,
  /** Notes an observer keeps stage by stage in one session. */
  stageNotesMax: 200,
  cycleSessionsMax: 24,
  /** People a facilitator removes from one session (and its group's next ones). */
  removalsMax: 200,
  /** How long a group may keep its sessions, at most: ten years. */
  retentionDaysMax: 3650,
} as const;
