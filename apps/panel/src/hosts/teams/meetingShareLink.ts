/**
 * Teams' documented "Share in meeting" deep link: opened from a browser, Teams puts `url` on the
 * stage of the meeting the person is in, as the app `appId` (whose manifest must allow the URL's
 * domain and the meetingStage and meetingSidePanel contexts).
 */
export function meetingShareLink(input: {
  readonly appId: string;
  readonly url: string;
  /** Any GUID: Teams uses it to tell one share from another. */
  readonly deeplinkId: string;
}): string {
  const appContext = JSON.stringify({
    appSharingUrl: input.url,
    appId: input.appId,
    useMeeting: 'true',
  });
  const query = new URLSearchParams({
    deeplinkId: input.deeplinkId,
    fqdn: 'teams.microsoft.com',
    lm: 'deeplink',
    appContext,
  });
  return `https://teams.microsoft.com/l/meeting-share?${query.toString()}`;
}
