export const Role = {
  facilitator: 'facilitator',
  client: 'client',
  consultant: 'consultant',
  observer: 'observer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = Object.values(Role);

/** Roles the facilitator hands out from the roster; facilitation itself moves only by hand-over. */
export const ASSIGNABLE_ROLES = [Role.client, Role.consultant, Role.observer] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
