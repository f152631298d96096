import type { Command } from '@cercle/domain';
import type { ServerMessage } from '@cercle/protocol';
import { TestPanel } from '../../apps/server/src/testing/testPanel.ts';
import { createTestSession, joinTestSession } from '../../apps/server/src/testing/testServer.ts';

const MIN = 60_000;

/** Eight people, as a remote circle enrols them: a facilitator, a client, five consultants, an observer. */
const PEOPLE = ['Awa', 'Chloé', 'Dan', 'Eve', 'Fatou', 'Gil', 'Hugo', 'Oda'] as const;
type Name = (typeof PEOPLE)[number];
const CONSULTANTS: readonly Name[] = ['Dan', 'Eve', 'Fatou', 'Gil', 'Hugo'];

/**
 * How much each person writes in their private notes over the two hours, and in how many saves: a
 * panel saves the whole note at each pause in typing (NOTE_SAVE_DELAY_MS), so a note of 1,000
 * characters typed in phrases of about 40 is some 25 saves, each one a version in the log.
 */
const NOTES: Readonly<Record<Name, { saves: number; chars: number }>> = {
  Awa: { saves: 30, chars: 1_200 },
  Chloé: { saves: 25, chars: 1_000 },
  Dan: { saves: 20, chars: 800 },
  Eve: { saves: 20, chars: 800 },
  Fatou: { saves: 20, chars: 800 },
  Gil: { saves: 20, chars: 800 },
  Hugo: { saves: 20, chars: 800 },
  Oda: { saves: 80, chars: 3_000 },
};

const PHRASE =
  'Le groupe écoute la situation, reformule la demande et cherche des pistes concrètes. ';
function prose(chars: number, seed: number): string {
  const text = `${seed}. ${PHRASE.repeat(Math.ceil(chars / PHRASE.length) + 1)}`;
  return text.slice(0, chars);
}

export interface TypicalSessionResult {
  readonly sessionId: string;
  readonly groupId: string;
  readonly commands: number;
  readonly seq: number;
}

/**
 * A whole two-hour remote session of eight people (the method's scenario in
 * tests/e2e/method.e2e.test.ts, at the size of a full circle), sent through a real server as the
 * panels would send it: every stage with its timer, a card each at the inclusion, three cases and a
 * vote, raised hands and questions, the contract, a round and fifteen suggestions sorted by the
 * client, the action plan, learnings shared, eight evaluations, the observer's grid, autosaved
 * private notes throughout, and four panels that lose their connection once and come back.
 * `advance` moves the server's clock by so many milliseconds.
 */
export async function runTypicalSession(
  url: string,
  advance: (ms: number) => void,
  groupName = 'Cercle des cadres de santé',
): Promise<TypicalSessionResult> {
  const created = await createTestSession(url, groupName);
  const tokens = new Map<Name, string>([['Awa', created.token]]);
  const ids = new Map<Name, string>();
  for (const name of PEOPLE.slice(1)) {
    const joined = await joinTestSession(url, created.sessionId, created.joinToken, name);
    tokens.set(name, joined.token);
    ids.set(name, joined.personId);
  }
  const panels = new Map<Name, TestPanel>();
  const connect = async (name: Name) => {
    const panel = new TestPanel(url);
    await panel.hello(created.sessionId, tokens.get(name) as string);
    panels.set(name, panel);
  };
  for (const name of PEOPLE) await connect(name);
  const awaPanel = panels.get('Awa') as TestPanel;
  ids.set('Awa', awaPanel.view?.people.find((p) => p.role === 'facilitator')?.id ?? '');

  let commands = 0;
  const by = async (name: Name, command: Command): Promise<ServerMessage> => {
    commands += 1;
    const answer = await (panels.get(name) as TestPanel).run(command);
    if (answer.type !== 'event')
      throw new Error(`${name} ${command.type}: ${JSON.stringify(answer)}`);
    return answer;
  };
  const view = () => {
    const current = awaPanel.view;
    if (!current) throw new Error('the facilitator has no view');
    return current;
  };
  const noteSaves = new Map<Name, number>(PEOPLE.map((name) => [name, 0]));
  /** A share of everyone's note saves, spread over the stages. */
  const takeNotes = async (share: number) => {
    for (const name of PEOPLE) {
      const { saves, chars } = NOTES[name];
      const target = Math.min(saves, Math.round(saves * share));
      for (let done = noteSaves.get(name) ?? 0; done < target; done++) {
        await by(name, { type: 'writeNote', text: prose(((done + 1) / saves) * chars, done) });
        noteSaves.set(name, done + 1);
        advance(2_000);
      }
    }
  };
  const stageCount = view().stages.length;
  let stage = 0;
  const next = async () => {
    await by('Awa', { type: 'goToStage', fromIndex: stage, toIndex: stage + 1 });
    stage += 1;
    await takeNotes(stage / (stageCount - 1));
    const planned = view().stages[stage]?.plannedMs ?? null;
    if (planned !== null && view().timer.status === 'idle') await by('Awa', { type: 'startTimer' });
    advance(planned ?? 2 * MIN);
  };
  const reconnect = async (name: Name) => {
    const panel = panels.get(name) as TestPanel;
    panel.terminate();
    await new Promise((r) => setTimeout(r, 50));
    const again = new TestPanel(url);
    await again.hello(created.sessionId, tokens.get(name) as string, panel.seq);
    panels.set(name, again);
  };
  const id = (name: Name) => ids.get(name) as string;

  await by('Awa', { type: 'assignRole', personId: id('Oda'), role: 'observer' });
  await by('Awa', { type: 'startSession' });
  // Inclusion.
  if (view().timer.status === 'idle') await by('Awa', { type: 'startTimer' });
  await by('Awa', { type: 'launchInclusion' });
  const cards = ['sun', 'cloud', 'rainbow', 'mountain', 'wave', 'seedling', 'compass', 'rocket'];
  for (const [i, name] of PEOPLE.entries())
    await by(name, { type: 'pickCard', cardId: cards[i] as string });
  advance(5 * MIN);
  // The debrief of a previous session: a group's first session has none.
  await next();
  // Choice of the subject: three cases, a vote each, the facilitator's choice.
  await next();
  const proposals: Array<[Name, 'problem' | 'project' | 'preoccupation', string]> = [
    ['Chloé', 'problem', 'Un agent en retrait depuis la réorganisation'],
    ['Dan', 'project', 'Fusion de deux services'],
    ['Eve', 'preoccupation', 'Trouver ma place dans la nouvelle organisation'],
  ];
  for (const [name, kind, title] of proposals)
    await by(name, { type: 'proposeCase', kind, title, summary: prose(300, title.length) });
  const chosen = view().cases[0]?.id as string;
  for (const name of PEOPLE.slice(1, 7)) await by(name, { type: 'voteCase', caseId: chosen });
  await by('Awa', { type: 'chooseCase', caseId: chosen });
  // Exposé: the client speaks, everyone notes.
  await next();
  // Clarification: hands raised and given, questions asked.
  await next();
  for (const [i, name] of [...CONSULTANTS, ...CONSULTANTS].entries()) {
    await by(name, { type: 'raiseHand' });
    await by('Awa', { type: 'giveFloor', personId: id(name) });
    await by(name, { type: 'askQuestion', text: `Question ${i + 1} : ${prose(120, i)}` });
    advance(MIN);
  }
  await reconnect('Dan');
  await reconnect('Eve');
  // Contract: the request, saved twice.
  await next();
  for (const request of [prose(150, 1), prose(260, 2)])
    await by('Chloé', { type: 'writeContract', request, helpKinds: ['ideas', 'experiences'] });
  // Consultation: a round, fifteen suggestions, sorted by the client.
  await next();
  await by('Awa', { type: 'startRound' });
  for (const [turn, name] of CONSULTANTS.entries()) {
    for (let k = 0; k < 3; k++)
      await by(name, {
        type: 'postSuggestion',
        text: prose(200, turn * 3 + k),
        visibility: k === 2 ? 'client' : 'group',
      });
    if (turn < CONSULTANTS.length - 1) await by('Awa', { type: 'nextTurn' });
    advance(5 * MIN);
  }
  const suggestions = view().consultations[0]?.suggestions ?? [];
  const sorts = ['keep', 'explore', 'drop'] as const;
  for (const [i, suggestion] of suggestions.entries())
    await by('Chloé', {
      type: 'sortSuggestion',
      suggestionId: suggestion.id,
      sort: sorts[i % 3] as (typeof sorts)[number],
    });
  await reconnect('Fatou');
  // Break.
  await next();
  await reconnect('Chloé');
  // Synthesis: the action plan, saved three times; consultants' learnings.
  await next();
  for (let version = 1; version <= 3; version++)
    await by('Chloé', {
      type: 'writeActionPlan',
      actions: Array.from({ length: version + 1 }, (_, i) => prose(100, i)),
      firstStep: prose(80, version),
      byWhen: '2027-01-15',
    });
  for (const name of CONSULTANTS)
    for (let version = 1; version <= 2; version++)
      await by(name, {
        type: 'writeLearnings',
        content: prose(200 * version, version),
        process: prose(100 * version, version),
      });
  // Learnings and evaluation: shared learnings, eight evaluations, the observer's grid.
  await next();
  await by('Chloé', { type: 'writeLearnings', content: prose(500, 9), process: prose(200, 9) });
  for (const name of ['Chloé', 'Dan', 'Eve'] as const)
    await by(name, {
      type: 'setVisibility',
      ref: { kind: 'learnings', id: id(name) },
      visibility: 'group',
    });
  for (const [i, name] of PEOPLE.entries())
    await by(name, {
      type: 'evaluate',
      weather: i % 2 ? 'sunny' : 'partlySunny',
      rating: 3 + (i % 3),
      comment: prose(120, i),
    });
  await by('Oda', {
    type: 'writeObserverFeedback',
    listening: 4,
    questionsOverAdvice: 3,
    clientFloor: 4,
    comment: prose(600, 7),
  });
  await by('Oda', {
    type: 'setVisibility',
    ref: { kind: 'note', id: id('Oda') },
    visibility: 'group',
  });
  // Conclusion.
  await next();
  await by('Awa', { type: 'endSession' });
  const seq = awaPanel.seq;
  for (const panel of panels.values()) panel.close();
  return { sessionId: created.sessionId, groupId: view().groupId, commands, seq };
}
