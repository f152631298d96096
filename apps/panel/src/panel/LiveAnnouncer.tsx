import { currentStage, type SessionView } from '@cercle/domain';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { type Announcement, type AnnouncerState, nextAnnouncement } from './announcer.ts';
import { useServerNow } from './useServerNow.ts';

/**
 * A polite live region that says, once each, what changed without the person looking: the stage,
 * the session's end, the last minute and time up.
 */
export function LiveAnnouncer({
  view,
  serverNow,
  onAnnounce,
}: {
  view: SessionView;
  serverNow: () => number;
  onAnnounce?: (announcement: Announcement) => void;
}) {
  const { t, pick } = useI18n();
  // It watches the clock for the last minute and time up: it ticks, the panel does not.
  const now = useServerNow(serverNow);
  const state = useRef<AnnouncerState | null>(null);
  const [said, setSaid] = useState({ count: 0, text: '' });

  useEffect(() => {
    const next = nextAnnouncement(state.current, view, now);
    state.current = next.state;
    const { announcement } = next;
    if (!announcement) return;
    const stage = currentStage(view);
    const title = pick(stage.title);
    const text =
      announcement.kind === 'stage'
        ? t.announce.stage(
            t.stageOf(view.currentStageIndex + 1, view.stages.length),
            title,
            t.floor[stage.floor],
          )
        : announcement.kind === 'ended'
          ? t.ended
          : announcement.kind === 'lastMinute'
            ? t.announce.lastMinute(title)
            : t.announce.timeUp(title);
    setSaid((previous) => ({ count: previous.count + 1, text }));
    onAnnounce?.(announcement);
  });

  // A fresh node per message, so the same words said twice are still read twice.
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {said.text && <p key={said.count}>{said.text}</p>}
    </div>
  );
}
