import { currentConsultation, currentStage, findPerson, type SessionView } from '@cercle/domain';
import { useEffect, useRef, useState } from 'react';
import { useI18n, usePageMessages } from '../i18n/i18n.tsx';
import { deviceStorage } from '../ui/deviceStorage.ts';

/** A session that has moved past its first stage: someone opening it now arrives late. */
const isUnderWay = (view: SessionView) => view.lifecycle === 'live' && view.currentStageIndex > 0;

const welcomedKey = (sessionId: string, personId: string) =>
  `cercle:welcomed:${sessionId}:${personId}`;

/** The chosen case, as "« title » (client: name)", when there is one. */
function caseLine(view: SessionView): { title: string; client: string } | null {
  const consultation = currentConsultation(view);
  if (!consultation) return null;
  const title = view.cases.find((c) => c.id === consultation.caseId)?.title ?? '';
  const client = findPerson(view, consultation.clientId)?.displayName ?? '';
  return title ? { title, client } : null;
}

/**
 * New members join mid-cycle and people arrive late (CODEV.md): whoever opens the panel once the
 * session is under way is told where the group is, once per device; someone who was there from
 * the first stage never sees it.
 */
export function LatecomerWelcome({ view, myId }: { view: SessionView; myId: string }) {
  const { locale } = useI18n();
  const w = usePageMessages().arrivals;
  const storage = deviceStorage();
  const key = welcomedKey(view.id, myId);
  const [isShown, setIsShown] = useState(() => isUnderWay(view) && storage.getItem(key) === null);
  useEffect(() => {
    // There from the start: nothing to catch up on, now or after a reload.
    if (!isUnderWay(view)) storage.setItem(key, '1');
  }, [view, key, storage]);
  const me = findPerson(view, myId);
  if (!isShown || !me) return null;
  const stage = currentStage(view);
  const chosen = caseLine(view);
  return (
    <section className="card welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title" className="card__title">
        {w.welcome(me.displayName)}
      </h2>
      <p>{w.whereWeAre(view.currentStageIndex + 1, view.stages.length, stage.title[locale])}</p>
      {chosen && <p>{w.theCase(chosen.title, chosen.client)}</p>}
      <p>
        <strong>{w.now}</strong> {stage.guidance[me.role][locale]}
      </p>
      <p className="muted">{w.confidential}</p>
      <button
        type="button"
        onClick={() => {
          storage.setItem(key, '1');
          setIsShown(false);
        }}
      >
        {w.understood}
      </button>
    </section>
  );
}

/**
 * For the facilitator: who arrived since the session got under way, so they can welcome them and
 * say where the group is. Counted from what this panel saw; a reload starts afresh.
 */
export function ArrivalNotice({ view, myId }: { view: SessionView; myId: string }) {
  const w = usePageMessages().arrivals;
  const known = useRef<Set<string> | null>(null);
  const [arrived, setArrived] = useState<readonly string[]>([]);
  useEffect(() => {
    const ids = view.people.map((p) => p.id);
    if (known.current && isUnderWay(view)) {
      const seen = known.current;
      const fresh = ids.filter((id) => !seen.has(id) && id !== myId);
      if (fresh.length > 0) setArrived((before) => [...before, ...fresh]);
    }
    known.current = new Set(ids);
  }, [view, myId]);
  const names = arrived
    .map((id) => findPerson(view, id)?.displayName)
    .filter((name): name is string => Boolean(name));
  if (names.length === 0) return null;
  return (
    <section className="card welcome" aria-live="polite" data-testid="arrivals">
      <p>{w.arrived(names.join(', '))}</p>
      <button type="button" onClick={() => setArrived([])}>
        {w.done}
      </button>
    </section>
  );
}
