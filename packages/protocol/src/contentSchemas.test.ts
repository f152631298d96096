import {
  apply,
  type Command,
  decide,
  type SessionEvent,
  viewFor,
  visibleEvent,
} from '@cercle/domain';
import { CONTENT_SAMPLES, makeConsultingSession } from '@cercle/domain/testing/contentSamples';
import { describe, expect, it } from 'vitest';
import { commandSchema, eventSchema, viewSchema } from './domainSchemas.ts';

describe('content on the wire', () => {
  it('every content command the domain knows parses, unchanged', () => {
    for (const [type, sample] of Object.entries(CONTENT_SAMPLES)) {
      const command = sample?.('cli') as Command;
      expect(commandSchema.safeParse(command), type).toMatchObject({
        success: true,
        data: command,
      });
    }
  });

  it('every event of a whole consultation, and every projection of it, parses unchanged', () => {
    let state = makeConsultingSession();
    const steps: Array<[string, Command]> = [
      ['fac', { type: 'launchInclusion' }],
      ['con', { type: 'pickCard', cardId: 'rocket' }],
      ['con', { type: 'writeDebrief', tried: 't', worked: 'w', didNotWork: 'd' }],
      ['cli', { type: 'writeContract', request: 'r', helpKinds: ['ideas', 'resources'] }],
      ['fac', { type: 'startRound' }],
      ['cli', { type: 'raiseHand' }],
      ['fac', { type: 'flagAdvice', personId: 'con' }],
      ['con', { type: 'postSuggestion', text: 's', visibility: 'client' }],
      ['cli', { type: 'sortSuggestion', suggestionId: 'suggestion-4', sort: 'explore' }],
      [
        'con',
        {
          type: 'setVisibility',
          ref: { kind: 'suggestion', id: 'suggestion-4' },
          visibility: 'group',
        },
      ],
      ['cli', { type: 'writeActionPlan', actions: ['a'], firstStep: 'f', byWhen: '2027-03-01' }],
      [
        'obs',
        {
          type: 'writeObserverFeedback',
          listening: 4,
          questionsOverAdvice: 3,
          clientFloor: 2,
          comment: '',
        },
      ],
      ['obs', { type: 'writeNote', text: 'n' }],
      ['obs', { type: 'setVisibility', ref: { kind: 'note', id: 'obs' }, visibility: 'group' }],
      ['con', { type: 'evaluate', weather: 'partlySunny', rating: 4, comment: 'c' }],
      ['con', { type: 'writeLearnings', content: 'l', process: 'p' }],
      ['con', { type: 'eraseMyContent' }],
      ['fac', { type: 'announceNextSession', sessionId: 'next-1' }],
    ];
    const seen: SessionEvent[] = [];
    for (const [actor, command] of steps) {
      const decision = decide(state, command, actor, 1_800_000_000_000);
      if (!decision.ok) throw new Error(`${command.type}: ${decision.reason}`);
      for (const event of decision.events) {
        state = apply(state, event);
        seen.push(event);
        for (const viewer of ['fac', 'cli', 'con', 'obs']) {
          const visible = visibleEvent(event, viewer, state);
          if (visible) seen.push(visible);
        }
      }
    }
    expect(new Set(seen.map((e) => e.type))).toContain('textShown');
    for (const event of seen)
      expect(eventSchema.safeParse(event), event.type).toMatchObject({
        success: true,
        data: event,
      });
    for (const viewer of ['fac', 'cli', 'con', 'obs']) {
      const view = viewFor(state, viewer);
      const parsed = viewSchema.safeParse(JSON.parse(JSON.stringify(view)));
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(view);
    }
  });

  it('refuses content that breaks the limits', () => {
    const bad = [
      { type: 'evaluate', weather: 'sunny', rating: 9, comment: '' },
      { type: 'writeActionPlan', actions: [], firstStep: '', byWhen: 'tomorrow' },
      { type: 'postSuggestion', text: 'x'.repeat(2001), visibility: 'group' },
      { type: 'setVisibility', ref: { kind: 'diary', id: 'x' }, visibility: 'group' },
      { type: 'proposeCase', kind: 'puzzle', title: 't', summary: '' },
    ];
    for (const command of bad)
      expect(commandSchema.safeParse(command).success, command.type).toBe(false);
  });
});
