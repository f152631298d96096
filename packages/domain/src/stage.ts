import type { Localized } from './localized.ts';
import { namesOf } from './namesOf.ts';
import type { Role } from './role.ts';

/** Who holds the floor during a stage. */
export const FLOORS = ['client', 'consultants', 'everyone', 'facilitator'] as const;
export type Floor = (typeof FLOORS)[number];
export const Floor = namesOf(FLOORS);

export interface Stage {
  /** Unique within a session; built-in stages keep their catalogue key. */
  readonly key: string;
  readonly title: Localized;
  /** Planned duration; null where the method sets none (contract, break, conclusion). */
  readonly plannedMs: number | null;
  /** Its timer starts by itself when the stage starts [R71]; absent in stages stored before. */
  readonly isAutoTimed?: boolean;
  readonly floor: Floor;
  /** What each role does now, one line each. */
  readonly guidance: Readonly<Record<Role, Localized>>;
}

export const MINUTE_MS = 60_000;

export function minutes(count: number): number {
  return count * MINUTE_MS;
}
