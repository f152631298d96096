// What only the facilitator sees, in one chunk: the other people in the circle never load it.
export { FacilitatorBar } from './FacilitatorBar.tsx';
export { FacilitatorControls } from './FacilitatorControls.tsx';
export { ParticipantLinkCard } from './ParticipantLinkCard.tsx';
export { SessionClockCard } from './SessionClockCard.tsx';
export { TimerControls } from './TimerControls.tsx';
