import { useI18n } from '../i18n/i18n.tsx';
import type { Notice } from '../sync/syncClient.ts';

export function Notices({
  notices,
  dismiss,
}: {
  notices: readonly Notice[];
  dismiss: (id: number) => void;
}) {
  const { t } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((notice) => (
        <p key={notice.id} className="notice" data-testid="notice">
          {notice.kind === 'rejection'
            ? t.rejection[notice.code as keyof typeof t.rejection]
            : t.protocolError[notice.code as keyof typeof t.protocolError]}
          <button
            type="button"
            className="icon-button"
            aria-label={t.dismiss}
            title={t.dismiss}
            onClick={() => dismiss(notice.id)}
          >
            <span aria-hidden="true">✕</span>
          </button>
        </p>
      ))}
    </div>
  );
}
