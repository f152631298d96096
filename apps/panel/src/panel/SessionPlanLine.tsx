import { formatLongDate, type SessionView } from '@cercle/domain';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The session's place in its cycle as the facilitator planned it when opening it (its date, the
 * cycle's length), for everyone: nothing when neither was said.
 */
export function SessionPlanLine({ view }: { view: SessionView }) {
  const { t, locale } = useI18n();
  if (view.scheduledFor === null && view.cycleSessions === null) return null;
  const date = view.scheduledFor === null ? null : formatLongDate(view.scheduledFor, locale);
  return (
    <p className="session-plan" data-testid="session-plan">
      {t.sessionPlan(date, view.cycleSessions)}
    </p>
  );
}
