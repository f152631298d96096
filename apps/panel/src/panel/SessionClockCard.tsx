import { MINUTE_MS, proposeRebalance, sessionClock } from '@cercle/domain';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { canSend } from './canSend.ts';
import type { ClockedProps } from './content/contentProps.ts';
import { useServerNow } from './useServerNow.ts';

export function SessionClockCard({ view, myId, serverNow, send }: ClockedProps) {
  const { t, pick, formatTime } = useI18n();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const now = useServerNow(serverNow);
  const clock = sessionClock(view, now);
  if (!clock) return null;
  // Seconds of drift between starting the session and its first timer are not lateness.
  const lateMinutes = Math.floor(clock.lateByMs / MINUTE_MS);
  const mayRebalance = lateMinutes > 0 && canSend(view, myId, 'setStageDurations');
  const proposal = mayRebalance ? proposeRebalance(view, now) : null;
  const proposalKey =
    proposal?.durations.map((d) => `${d.stageKey}=${d.plannedMs}`).join(',') ?? null;
  return (
    <section className="card clock" aria-labelledby="clock-title">
      <h2 id="clock-title" className="card__title">
        {t.clock.title}
      </h2>
      <dl className="clock__times">
        <div>
          <dt>{t.clock.plannedEnd}</dt>
          <dd data-testid="planned-end">{formatTime(clock.plannedEndAt)}</dd>
        </div>
        <div>
          <dt>{t.clock.projectedEnd}</dt>
          <dd data-testid="projected-end">{formatTime(clock.projectedEndAt)}</dd>
        </div>
      </dl>
      <p className={lateMinutes > 0 ? 'clock__late' : 'clock__ontime'}>
        {lateMinutes > 0 ? t.clock.late(lateMinutes) : t.clock.onTime}
      </p>
      {proposal && proposalKey !== dismissed && proposal.durations.length > 0 && (
        <div className="proposal" data-testid="rebalance">
          <p className="proposal__title">{t.clock.proposal}</p>
          <ul>
            {proposal.durations.map((d) => {
              const stage = view.stages.find((s) => s.key === d.stageKey);
              if (!stage) return null;
              return (
                <li key={d.stageKey}>
                  {pick(stage.title)}
                  {t.colon} {Math.round((stage.plannedMs ?? 0) / MINUTE_MS)} →{' '}
                  {t.stages.minutes(Math.round((d.plannedMs ?? 0) / MINUTE_MS))}
                </li>
              );
            })}
          </ul>
          {proposal.stillLateMs > 0 && (
            <p>{t.clock.stillLate(Math.ceil(proposal.stillLateMs / MINUTE_MS))}</p>
          )}
          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={() => send({ type: 'setStageDurations', durations: proposal.durations })}
            >
              {t.clock.accept}
            </button>
            <button type="button" onClick={() => setDismissed(proposalKey)}>
              {t.clock.dismiss}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
