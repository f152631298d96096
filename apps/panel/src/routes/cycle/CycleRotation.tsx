import type { CycleResponse } from '@cercle/protocol';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';

/**
 * The client rotation [R50]: who has been client, who could be next, members who joined mid-cycle,
 * and a warning when the working group is larger than the method allows.
 */
export function CycleRotation({ roster }: { roster: CycleResponse['roster'] }) {
  const { locale } = useI18n();
  const w = usePageMessages().cycle;
  const nameOf = (id: string) => roster.members.find((m) => m.personId === id)?.name ?? '';
  const suggested = roster.suggestedClients.map(nameOf).filter(Boolean);
  return (
    <section className="card" aria-labelledby="rotation-title" data-testid="cycle-rotation">
      <h2 id="rotation-title" className="card__title">
        {w.rotation}
      </h2>
      {roster.tooManyActive && (
        <p className="notice notice--warning" role="note" data-testid="too-many-active">
          {w.tooMany(roster.activeInLatest)}
        </p>
      )}
      <p className="muted">{w.rotationHelp}</p>
      <table className="cycle__table">
        <thead>
          <tr>
            <th scope="col">{w.member}</th>
            <th scope="col">{w.attended}</th>
            <th scope="col">{w.timesClient}</th>
            <th scope="col">{w.since}</th>
          </tr>
        </thead>
        <tbody>
          {roster.members.map((m) => (
            <tr key={m.personId}>
              <th scope="row">{m.name}</th>
              <td>{m.attended}</td>
              <td>{m.timesClient}</td>
              <td>{w.sinceSession(m.firstSession)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="suggested-clients">
        {suggested.length > 0
          ? w.suggested(new Intl.ListFormat(locale, { type: 'conjunction' }).format(suggested))
          : w.everyoneClient}
      </p>
    </section>
  );
}
