import { formatLongDate, LIMITS } from '@cercle/domain';
import { type CycleResponse, cycleResponseSchema } from '@cercle/protocol';
import { useEffect, useState } from 'react';
import { useI18n, usePageMessages } from '../i18n/i18n.tsx';
import { loadCredentials } from '../sync/credentials.ts';
import { authorizedFetch } from '../ui/api.ts';
import { navigate } from '../ui/router.ts';
import { CalendarButton } from './cycle/CalendarButton.tsx';
import { CycleRotation } from './cycle/CycleRotation.tsx';
import { CycleTrends } from './cycle/CycleTrends.tsx';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; cycle: CycleResponse };

/**
 * The capitalisation page of a group's cycle: sessions, clients and cases, attendance, action
 * plans and their follow-up, shared learnings. Read with the seat held in `fromSessionId`.
 */
export function CyclePage({ groupId, fromSessionId }: { groupId: string; fromSessionId: string }) {
  const { t, locale } = useI18n();
  const pages = usePageMessages();
  const w = pages.cycle;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [retention, setRetention] = useState('');
  const token = loadCredentials(fromSessionId)?.token ?? null;

  useEffect(() => {
    if (!token) return setLoad({ state: 'failed' });
    void authorizedFetch(`/api/groups/${groupId}/cycle`, token).then(async (response) => {
      const parsed = cycleResponseSchema.safeParse(await response?.json().catch(() => null));
      if (!response?.ok || !parsed.success) return setLoad({ state: 'failed' });
      setLoad({ state: 'ready', cycle: parsed.data });
      setRetention(parsed.data.retentionDays === null ? '' : String(parsed.data.retentionDays));
    });
  }, [groupId, token]);

  const date = { format: (at: string | number) => formatLongDate(at, locale) };
  if (load.state === 'loading')
    return (
      <main className="page">
        <p className="loading" role="status">
          {t.connection.connecting}
        </p>
      </main>
    );
  if (load.state === 'failed')
    return (
      <main className="page">
        <p className="card error" role="alert">
          {t.missingCredentials}
        </p>
      </main>
    );
  const { cycle } = load;
  return (
    <main className="page page--panel cycle" data-testid="cycle">
      <header className="panel__header">
        <h1 className="panel__group">{w.title(cycle.groupName)}</h1>
      </header>
      <p>
        <button type="button" onClick={() => navigate(`/s/${fromSessionId}`)}>
          {w.back}
        </button>
      </p>
      <section className="card" aria-labelledby="retention-title">
        <h2 id="retention-title" className="card__title">
          {w.retention}
        </h2>
        <p data-testid="retention">
          {cycle.retentionDays === null ? w.keptForever : w.keptFor(cycle.retentionDays)}
        </p>
        {cycle.canManage && token && (
          <form
            className="form form--inline"
            onSubmit={async (e) => {
              e.preventDefault();
              const days = retention.trim() === '' ? null : Number(retention);
              const response = await authorizedFetch(`/api/groups/${groupId}/retention`, token, {
                method: 'PUT',
                body: { retentionDays: days },
              });
              if (response?.ok)
                setLoad({ state: 'ready', cycle: { ...cycle, retentionDays: days } });
            }}
          >
            <label>
              {w.retentionDays}{' '}
              <input
                type="number"
                min={1}
                max={LIMITS.retentionDaysMax}
                value={retention}
                onChange={(e) => setRetention(e.target.value)}
              />
            </label>
            <button type="submit">{pages.content.save}</button>
          </form>
        )}
      </section>
      <CycleRotation roster={cycle.roster} />
      <CycleTrends sessions={cycle.sessions} />
      {token && <CalendarButton groupId={groupId} token={token} />}
      <ol className="cycle__sessions">
        {cycle.sessions.map((session, index) => (
          <li key={session.sessionId} className="card" data-testid="cycle-session">
            <h2 className="card__title">
              {w.sessionOf(index + 1, cycle.cycleSessions) ?? w.session(index + 1)} –{' '}
              {session.scheduledFor
                ? w.plannedFor(date.format(session.scheduledFor))
                : date.format(session.date)}{' '}
              – {t.lifecycle[session.lifecycle]}
            </h2>
            <p>
              {w.attendance(session.attendees.length)}
              {t.colon} {session.attendees.join(', ')}
            </p>
            {session.consultations.map((c) => (
              <div key={`${c.clientName}-${c.caseTitle}`}>
                <p>
                  <strong>{c.clientName}</strong> — {c.caseTitle || '—'}
                </p>
                {c.plan ? (
                  <ul>
                    {c.plan.actions.map((a) => (
                      <li key={a}>{a}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{w.noPlan}</p>
                )}
                {c.followUp && (
                  <p>
                    {w.followUp}
                    {t.colon} {c.followUp.tried} {c.followUp.worked && `– ${c.followUp.worked}`}
                  </p>
                )}
              </div>
            ))}
            {session.learnings.length > 0 && (
              <>
                <h3>{pages.content.learnings.shared}</h3>
                <ul>
                  {session.learnings.map((l) => (
                    <li key={l.authorId}>
                      <strong>{l.authorName}</strong>
                      {t.colon} {l.content} {l.process && `— ${l.process}`}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
    </main>
  );
}
