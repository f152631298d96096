import type { PageMessages } from '../../i18n/frPages.ts';
import { IN_COLLABORATE, type ZoomUser, zoomErrorCode } from './zoomClient.ts';

type ZoomPages = PageMessages['zoom'];

/**
 * Why a Collaborate call failed, in the person's words. The codes are those Zoom's SDK reference
 * documents for `startCollaborate`, `joinCollaborate`, `leaveCollaborate` and `endCollaborate`;
 * guest mode is known from the person's own context, whatever code Zoom gives it.
 */
export function collaborateFailure(
  error: unknown,
  user: ZoomUser | null,
  pages: ZoomPages,
): string {
  if (user?.isGuest) return pages.collaborate.guest;
  switch (zoomErrorCode(error)) {
    case '10090':
      return pages.collaborate.notHere;
    case '10089':
      return pages.collaborate.notEnabled;
    case '10084':
    case '10086':
      return pages.collaborate.already;
    case '10085':
    case '10087':
      return pages.collaborate.over;
    default:
      return pages.collaborate.failed;
  }
}

/** Why a post to the meeting chat failed: Zoom lists `sendMessageToChat` for meetings, not Collaborate. */
export function chatFailure(runningContext: string, pages: ZoomPages): string {
  return runningContext === IN_COLLABORATE ? pages.chat.inCollaborate : pages.chat.failed;
}
