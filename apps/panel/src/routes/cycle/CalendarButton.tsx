import { useState } from 'react';
import { type HostFileOutcome, useHostFeatures } from '../../hosts/hostFeatures.tsx';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { authorizedFetch, download } from '../../ui/api.ts';

/**
 * The group's planned sessions as a calendar file. Through the host when it cannot take a blob
 * (Zoom opens a single-use link in the person's browser); a download elsewhere.
 */
export function CalendarButton({ groupId, token }: { groupId: string; token: string }) {
  const { locale } = useI18n();
  const w = usePageMessages().cycle;
  const host = useHostFeatures();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<HostFileOutcome | null>(null);

  async function save(): Promise<HostFileOutcome | null> {
    if (host.openFile) return host.openFile({ kind: 'calendar', groupId, lang: locale }, token);
    const response = await authorizedFetch(
      `/api/groups/${groupId}/calendar.ics?lang=${locale}`,
      token,
    );
    if (!response?.ok) return { ok: false, message: w.calendarFailed };
    await download(response, 'cercle-seances.ics');
    return null;
  }

  return (
    <p className="actions">
      <button
        type="button"
        disabled={busy}
        aria-busy={busy}
        data-testid="calendar"
        onClick={async () => {
          setBusy(true);
          setOutcome(null);
          setOutcome(await save().catch(() => ({ ok: false, message: w.calendarFailed })));
          setBusy(false);
        }}
      >
        {w.calendar}
      </button>
      {outcome && (
        <span className={outcome.ok ? undefined : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.message}
        </span>
      )}
    </p>
  );
}
