import { ANY_TIME, type CommandEntries, UNTIL_THE_END } from '../commandEntry.ts';
import { accept, reject } from '../decision.ts';
import { type EventEntries, PUBLIC } from '../eventEntry.ts';
import { LIMITS } from '../limits.ts';
import { cleanName, isNameTaken } from '../names.ts';
import { without } from '../record.ts';
import { Rejection } from '../rejection.ts';
import type { AssignableRole } from '../role.ts';
import { findPerson, type Person, type Presence } from '../session.ts';
import { isValidName } from '../text.ts';

/** Who is in the session, under which name and role [R2] [R4] [R16] [R17] [R47] [R49]. */
export type RosterCommand =
  | { readonly type: 'join'; readonly displayName: string }
  | { readonly type: 'rename'; readonly displayName: string }
  | { readonly type: 'setPresence'; readonly presence: Presence }
  | { readonly type: 'assignRole'; readonly personId: string; readonly role: AssignableRole }
  | { readonly type: 'handOverFacilitation'; readonly toPersonId: string }
  | { readonly type: 'removePerson'; readonly personId: string };

export type RosterEvent =
  | { readonly type: 'personJoined'; readonly person: Person }
  | { readonly type: 'personRenamed'; readonly personId: string; readonly displayName: string }
  | { readonly type: 'presenceChanged'; readonly personId: string; readonly presence: Presence }
  | { readonly type: 'roleAssigned'; readonly personId: string; readonly role: AssignableRole }
  | {
      readonly type: 'facilitationHandedOver';
      readonly fromPersonId: string;
      readonly toPersonId: string;
    }
  | { readonly type: 'personRemoved'; readonly personId: string };

export const rosterCommands: CommandEntries<RosterCommand> = {
  join: {
    who: 'newcomer',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { displayName }, actorId) {
      if (state.people.length >= LIMITS.peopleMax) return reject(Rejection.sessionFull);
      if (!isValidName(displayName, LIMITS.displayNameMaxChars))
        return reject(Rejection.invalidText);
      // One seat per name [R80]: the same name again is most often the same person on a second device.
      if (isNameTaken(state.people, displayName)) return reject(Rejection.nameTaken);
      const person: Person = {
        id: actorId,
        displayName: cleanName(displayName),
        role: 'consultant',
        presence: 'online',
      };
      return accept({ type: 'personJoined', person });
    },
  },
  rename: {
    who: 'member',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { displayName }, actor) {
      if (!isValidName(displayName, LIMITS.displayNameMaxChars))
        return reject(Rejection.invalidText);
      const name = cleanName(displayName);
      if (name === actor.displayName) return reject(Rejection.unchanged);
      if (isNameTaken(state.people, name, actor.id)) return reject(Rejection.nameTaken);
      return accept({ type: 'personRenamed', personId: actor.id, displayName: name });
    },
  },
  setPresence: {
    who: 'member',
    when: ANY_TIME,
    isWholeText: false,
    decide(_state, { presence }, actor) {
      if (presence === actor.presence) return reject(Rejection.unchanged);
      return accept({ type: 'presenceChanged', personId: actor.id, presence });
    },
  },
  assignRole: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { personId, role }) {
      const target = findPerson(state, personId);
      if (!target) return reject(Rejection.unknownPerson);
      if (target.role === 'facilitator') return reject(Rejection.facilitatorKeepsRole);
      if (target.role === role) return reject(Rejection.unchanged);
      return accept({ type: 'roleAssigned', personId: target.id, role });
    },
  },
  handOverFacilitation: {
    who: 'facilitator',
    when: UNTIL_THE_END,
    isWholeText: false,
    decide(state, { toPersonId }, actor) {
      const target = findPerson(state, toPersonId);
      if (!target) return reject(Rejection.unknownPerson);
      if (target.id === actor.id) return reject(Rejection.alreadyFacilitator);
      return accept({ type: 'facilitationHandedOver', fromPersonId: actor.id, toPersonId });
    },
  },
  // After the end too: a removed person stops reading what the group shared.
  removePerson: {
    who: 'facilitator',
    when: ANY_TIME,
    isWholeText: false,
    decide(state, { personId }) {
      const target = findPerson(state, personId);
      if (!target) return reject(Rejection.unknownPerson);
      // Facilitation moves only by hand-over: the facilitator is never removed, themselves included.
      if (target.role === 'facilitator') return reject(Rejection.facilitatorKeepsRole);
      if (state.removedIds.length >= LIMITS.removalsMax) return reject(Rejection.tooManyItems);
      return accept({ type: 'personRemoved', personId });
    },
  },
};

function updatePerson(
  people: readonly Person[],
  personId: string,
  change: (person: Person) => Person,
): Person[] {
  return people.map((person) => (person.id === personId ? change(person) : person));
}

export const rosterEvents: EventEntries<RosterEvent> = {
  personJoined: {
    apply: (state, { person }) => ({ ...state, people: [...state.people, person] }),
    privacy: PUBLIC,
  },
  personRenamed: {
    apply: (state, { personId, displayName }) => ({
      ...state,
      people: updatePerson(state.people, personId, (p) => ({ ...p, displayName })),
    }),
    privacy: PUBLIC,
  },
  presenceChanged: {
    apply: (state, { personId, presence }) => ({
      ...state,
      people: updatePerson(state.people, personId, (p) => ({ ...p, presence })),
    }),
    privacy: PUBLIC,
  },
  roleAssigned: {
    apply: (state, { personId, role }) => ({
      ...state,
      // At most one client: giving the role to someone makes the previous client a consultant.
      people: state.people.map((person) => {
        if (person.id === personId) return { ...person, role };
        if (role === 'client' && person.role === 'client') return { ...person, role: 'consultant' };
        return person;
      }),
    }),
    privacy: PUBLIC,
  },
  // Out of the roster, the turns and the votes. What they wrote stays as it was, read by whom it
  // names (never them: they are no longer in the session) until they or the retention sweep erase
  // it. A client removed leaves their consultation theirs, and the session without a client.
  personRemoved: {
    apply: (state, { personId }) => ({
      ...state,
      people: state.people.filter((person) => person.id !== personId),
      removedIds: [...state.removedIds, personId],
      votes: without(state.votes, personId),
      turns: {
        speakerId: state.turns.speakerId === personId ? null : state.turns.speakerId,
        hands: state.turns.hands.filter((id) => id !== personId),
        round: state.turns.round.filter((id) => id !== personId),
      },
    }),
    privacy: PUBLIC,
  },
  facilitationHandedOver: {
    apply: (state, { fromPersonId, toPersonId }) => ({
      ...state,
      people: state.people.map((person) => {
        if (person.id === toPersonId) return { ...person, role: 'facilitator' };
        if (person.id === fromPersonId) return { ...person, role: 'consultant' };
        return person;
      }),
    }),
    privacy: PUBLIC,
  },
};
