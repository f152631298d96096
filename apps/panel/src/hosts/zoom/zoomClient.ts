import { ZOOM_APP_APIS } from '@cercle/manifests/zoomApis';

/** The few SDK calls the panel makes; the real SDK and a test stand-in both fit. */
export interface ZoomSdkLike {
  config(options: { capabilities: string[] }): Promise<unknown>;
  getUserContext(): Promise<{ screenName: string; role: string; participantUUID?: string }>;
  onMyUserContextChange(handler: (event: unknown) => void): void;
  sendAppInvitationToAllParticipants(): Promise<unknown>;
}

export interface ZoomUser {
  readonly screenName: string;
  readonly role: string;
}

/** Loads the SDK (a lazy chunk), configures exactly the APIs the manifest enables, reads who we are. */
export async function connectZoom(): Promise<{ sdk: ZoomSdkLike; user: ZoomUser }> {
  const { zoomSdk } = await import('./zoomSdk.ts');
  const sdk = zoomSdk as unknown as ZoomSdkLike;
  const capabilities = [...ZOOM_APP_APIS];
  await sdk.config({ capabilities });
  // A role change (made co-host, say) changes what the SDK allows: configure again.
  sdk.onMyUserContextChange(() => {
    void sdk.config({ capabilities }).catch(() => undefined);
  });
  const context = await sdk.getUserContext();
  return { sdk, user: { screenName: context.screenName, role: context.role } };
}
