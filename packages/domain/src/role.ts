import { namesOf } from './namesOf.ts';

/** Every role, as a tuple: the wire's schemas read the union from it. */
export const ROLES = ['facilitator', 'client', 'consultant', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const Role = namesOf(ROLES);

/** Roles the facilitator hands out from the roster; facilitation itself moves only by hand-over. */
export const ASSIGNABLE_ROLES = [Role.client, Role.consultant, Role.observer] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
