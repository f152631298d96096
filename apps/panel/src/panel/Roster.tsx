import { ASSIGNABLE_ROLES, type AssignableRole } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { canSend } from './canSend.ts';
import type { ContentProps } from './content/contentProps.ts';

export function Roster({
  view,
  myId,
  isFacilitator,
  send,
}: ContentProps & { isFacilitator: boolean }) {
  const { t } = useI18n();
  const canEdit = isFacilitator && view.lifecycle !== 'ended';
  // After the end too: whoever is removed stops reading what the group shared [R49].
  const canRemove = canSend(view, myId, 'removePerson');
  return (
    <section className="card" aria-labelledby="roster-title">
      <h2 id="roster-title" className="card__title">
        {t.roster.title} ({view.people.length})
      </h2>
      <ul className="roster" data-testid="roster">
        {view.people.map((person) => {
          const isMe = person.id === myId;
          return (
            <li
              key={person.id}
              className={`roster__person ${isMe ? 'roster__person--me' : ''}`}
              data-testid="roster-person"
            >
              <span
                className={`presence presence--${person.presence}`}
                title={t.roster[person.presence]}
              >
                <span className="visually-hidden">{t.roster[person.presence]}</span>
              </span>
              <span className="roster__name">
                {person.displayName}
                {isMe && <span className="roster__you"> ({t.you})</span>}
                {view.ethicsAcceptedIds.includes(person.id) && (
                  <span className="roster__ethics" data-testid="ethics-mark">
                    {' – '}
                    {t.roster.ethicsAccepted}
                  </span>
                )}
              </span>
              {canEdit && person.role !== 'facilitator' ? (
                <span className="roster__actions">
                  <select
                    aria-label={t.roster.roleFor(person.displayName)}
                    value={person.role}
                    onChange={(e) =>
                      send({
                        type: 'assignRole',
                        personId: person.id,
                        role: e.target.value as AssignableRole,
                      })
                    }
                  >
                    {ASSIGNABLE_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t.roles[role]}
                      </option>
                    ))}
                  </select>
                  <ConfirmButton
                    className="link-button"
                    label={t.roster.handOver}
                    question={t.roster.confirmHandOver(person.displayName)}
                    onConfirm={() => send({ type: 'handOverFacilitation', toPersonId: person.id })}
                  />
                </span>
              ) : (
                <span className={`role-badge role-badge--${person.role}`} data-testid="role-badge">
                  {t.roles[person.role]}
                </span>
              )}
              {canRemove && person.role !== 'facilitator' && (
                <ConfirmButton
                  className="link-button danger-link"
                  label={t.roster.remove}
                  question={t.roster.confirmRemove(person.displayName)}
                  onConfirm={() => send({ type: 'removePerson', personId: person.id })}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
