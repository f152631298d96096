import { createContext, type ReactNode, useContext } from 'react';

/** What a host platform adds to the browser panel. Empty in a plain browser. */
export interface HostFeatures {
  /** Signs the person in with the host's own identity, when it has one. */
  readonly enter?: (sessionId: string) => Promise<{ token: string; personId: string } | null>;
  /** Said on the join page when the host cannot vouch for the person. */
  readonly joinNotice?: string;
  /** Host-specific actions offered to the facilitator. */
  readonly facilitatorExtras?: (sessionId: string) => ReactNode;
}

const HostFeaturesContext = createContext<HostFeatures>({});

export const HostFeaturesProvider = HostFeaturesContext.Provider;

export function useHostFeatures(): HostFeatures {
  return useContext(HostFeaturesContext);
}
