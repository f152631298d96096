import { currentStage, type SessionView } from '@cercle/domain';
import type { Messages } from '../../i18n/fr.ts';
import { type AnnouncerState, nextAnnouncement } from '../../panel/announcer.ts';

/** What `zoomSdk.showNotification` takes. */
export interface ZoomNotification {
  readonly type: 'info' | 'warning';
  readonly title: string;
  readonly message: string;
}

/**
 * Decides, at each look at the session, whether Zoom should show a notification: a stage change or
 * time up, said by the same rule as the panel's screen-reader announcements (once per crossing,
 * never on the first look), and only while the panel is out of sight: a person looking at the
 * panel sees it change.
 */
export function createCueTracker() {
  let seen: AnnouncerState | null = null;
  let sessionId: string | null = null;
  return {
    observe(
      view: SessionView,
      now: number,
      isHidden: boolean,
      t: Pick<Messages, 'announce' | 'stageOf' | 'floor'>,
      pick: (text: { fr: string; en: string }) => string,
    ): ZoomNotification | null {
      // Another session (the next one, a breakout room's): its first look says nothing.
      if (view.id !== sessionId) seen = null;
      sessionId = view.id;
      const next = nextAnnouncement(seen, view, now);
      seen = next.state;
      if (!isHidden || !next.announcement) return null;
      const stage = currentStage(view);
      const title = pick(stage.title);
      switch (next.announcement.kind) {
        case 'stage':
          return {
            type: 'info',
            title: `Cercle · ${view.groupName}`,
            message: t.announce.stage(
              t.stageOf(view.currentStageIndex + 1, view.stages.length),
              title,
              t.floor[stage.floor],
            ),
          };
        case 'timeUp':
          return {
            type: 'warning',
            title: `Cercle · ${view.groupName}`,
            message: t.announce.timeUp(title),
          };
        // The brief is the stage and time up; the last minute and the end stay in the panel.
        case 'lastMinute':
        case 'ended':
          return null;
      }
    },
  };
}
