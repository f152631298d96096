import type { SessionState } from './session.ts';
import type { Stage } from './stage.ts';
import { TEMPLATES } from './templates.ts';

// Every built-in stage, by its text: a stage read back from storage is found in one lookup.
const BUILT_IN = new Map<string, Stage>(
  TEMPLATES.flatMap((template) => template.stages).map((stage) => [JSON.stringify(stage), stage]),
);

/**
 * The same state, its stages that are word for word a template's replaced by the template's own
 * objects. A state read back from storage holds its own copy of every stage (about 7 KB of text a
 * session); a server holding a thousand sessions shares one. Stages are never mutated, so sharing
 * them changes nothing else; a stage the facilitator changed is kept as it is.
 */
export function withSharedStages(state: SessionState): SessionState {
  let changed = false;
  const stages = state.stages.map((stage) => {
    const shared = BUILT_IN.get(JSON.stringify(stage));
    if (!shared || shared === stage) return stage;
    changed = true;
    return shared;
  });
  return changed ? { ...state, stages } : state;
}
