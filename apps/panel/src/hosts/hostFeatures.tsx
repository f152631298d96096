import type { Locale, SessionView } from '@cercle/domain';
import { createContext, type ReactNode, useContext } from 'react';

/** What a host platform adds to the browser panel. Empty in a plain browser. */
export interface HostFeatures {
  /**
   * Signs the person in with the host's own identity, when it has one; otherwise says why, for
   * the join page to show.
   */
  readonly enter?: (
    sessionId: string,
  ) => Promise<{ token: string; personId: string } | { notice: string }>;
  /** Said on the join page when the host cannot vouch for the person. */
  readonly joinNotice?: string;
  /** Host-specific actions offered to the facilitator, who acts with their own credential. */
  readonly facilitatorExtras?: (sessionId: string, token: string) => ReactNode;
  /** The layout the host asked for (Teams' meeting stage), whatever the address says. */
  readonly variant?: 'panel' | 'stage';
  /**
   * Opens a file the server makes for this person (a summary, their data) where the host's
   * embedded browser can neither save nor open one itself (Zoom); says what happened.
   */
  readonly openFile?: (file: HostFile, token: string) => Promise<HostFileOutcome>;
  /**
   * Told what the panel shows as it changes (null when it leaves), over the panel's own
   * connection: a host's cues (Zoom's notifications, chat, speaking balance) follow the session
   * without a connection of their own.
   */
  readonly onSessionShown?: (session: ShownSession | null) => void;
}

/** The session a panel shows, as its host may follow it. */
export interface ShownSession {
  readonly sessionId: string;
  readonly view: SessionView;
  readonly myId: string;
  /** The server's time now, corrected for this device's clock. */
  readonly serverNow: () => number;
}

/** A file the person may take away, named as the server's routes name it. */
export type HostFile =
  | {
      readonly kind: 'summary';
      readonly sessionId: string;
      readonly format: 'md' | 'html';
      readonly lang: Locale;
    }
  | { readonly kind: 'myData'; readonly groupId: string }
  | { readonly kind: 'calendar'; readonly groupId: string; readonly lang: Locale };

/** The message says where the file went, or why it did not. */
export type HostFileOutcome = { readonly ok: boolean; readonly message: string };

const HostFeaturesContext = createContext<HostFeatures>({});

export const HostFeaturesProvider = HostFeaturesContext.Provider;

export function useHostFeatures(): HostFeatures {
  return useContext(HostFeaturesContext);
}
