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
} as const;
