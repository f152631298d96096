import { createContext, useContext } from 'react';
import type { ShownSession } from '../hostFeatures.tsx';
import type { CollaborateState } from './collaborateState.ts';
import type { ZoomUser } from './zoomClient.ts';
import type { ZoomConnection } from './zoomConnection.ts';

/** What the Zoom shell knows beside the panel, for the parts it adds inside it. */
export interface ZoomShell {
  readonly connection: ZoomConnection;
  readonly user: ZoomUser | null;
  /** Where Zoom runs Cercle now: `inMeeting`, `inCollaborate`… */
  readonly runningContext: string;
  readonly collaborate: CollaborateState;
  /** The session the panel shows, read beside it; null until it is known. */
  readonly watched: ShownSession | null;
  /** Zoom's deep link that opens Cercle in the meeting, for the chat; null when it cannot be had. */
  readonly appLink: () => Promise<string | null>;
  /** Reads the person's Zoom identity again (their role may have changed). */
  readonly refreshUser: () => Promise<ZoomUser | null>;
}

const ZoomShellContext = createContext<ZoomShell | null>(null);

export const ZoomShellProvider = ZoomShellContext.Provider;

export function useZoomShell(): ZoomShell | null {
  return useContext(ZoomShellContext);
}
