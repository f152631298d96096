import { useI18n } from '../i18n/i18n.tsx';
import type { ConnectionStatus } from '../sync/syncClient.ts';

export function ConnectionBadge({
  status,
  pendingCount,
}: {
  status: ConnectionStatus;
  pendingCount: number;
}) {
  const { t } = useI18n();
  return (
    <span
      className={`connection connection--${status}`}
      role="status"
      data-testid="connection"
      data-status={status}
    >
      <span className="connection__dot" aria-hidden="true" />
      {t.connection[status]}
      {pendingCount > 0 && status !== 'connected' && (
        <span className="connection__pending"> – {pendingCount}</span>
      )}
    </span>
  );
}
