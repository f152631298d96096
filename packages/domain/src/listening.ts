import type { SessionState } from './session.ts';

/**
 * The client listens to the suggestions until the synthesis, then speaks [R73]: from the synthesis
 * stage on (in a plan without one, once past the consultation stage), and after the end. Before
 * the start nobody has spoken yet.
 */
export function isListeningOver(state: SessionState): boolean {
  if (state.lifecycle === 'ended') return true;
  if (state.lifecycle === 'scheduled') return false;
  const synthesis = state.stages.findIndex((stage) => stage.key === 'synthesis');
  if (synthesis >= 0) return state.currentStageIndex >= synthesis;
  const consultation = state.stages.findLastIndex((stage) => stage.key === 'consultation');
  return state.currentStageIndex > consultation;
}
