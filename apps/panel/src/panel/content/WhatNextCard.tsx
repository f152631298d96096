import { LIMITS } from '@cercle/domain';
import { createSessionResponseSchema } from '@cercle/protocol';
import { useState } from 'react';
import { type HostFile, useHostFeatures } from '../../hosts/hostFeatures.tsx';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { saveCredentials } from '../../sync/credentials.ts';
import { authorizedFetch, download } from '../../ui/api.ts';
import { navigate } from '../../ui/router.ts';
import { draftKey, isShapedLike, useStoredDraft } from '../../ui/useDraft.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import type { ContentProps } from './contentProps.ts';

type Busy = null | 'next' | 'export' | 'data';

/** The next session's date and the cycle's length, as typed (empty: not said). */
interface NextSessionDraft {
  readonly nextDate: string;
  readonly cycleSessions: string;
}

const BLANK_NEXT_SESSION: NextSessionDraft = { nextDate: '', cycleSessions: '' };

/**
 * The end of a session and the link to the next: the person's summary to keep, the cycle's page,
 * their own data, and for the facilitator the group's next session.
 */
export function WhatNextCard({ view, myId, send, token }: ContentProps & { token: string }) {
  const { locale } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.end;
  const host = useHostFeatures();
  const [busy, setBusy] = useState<Busy>(null);
  const [failed, setFailed] = useState(false);
  // What the host said about a file it opened for the person (Zoom: in their browser).
  const [fileOutcome, setFileOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  // Opening the next session announces it here: whoever may announce it opens it.
  const mayOpenNext = canSend(view, myId, 'announceNextSession') && !view.nextSessionId;
  // Typed at Conclusion, used once the session is over: kept on the device so ending the session
  // (which redraws this card), a reload or an undo does not drop them before the next one opens.
  const plan = useStoredDraft<NextSessionDraft>(
    draftKey(view.id, myId, 'next-session'),
    () => ({
      nextDate: '',
      cycleSessions: view.cycleSessions === null ? '' : String(view.cycleSessions),
    }),
    (stored) => (isShapedLike(stored, BLANK_NEXT_SESSION) ? stored : null),
  );
  const { nextDate, cycleSessions } = plan.draft;
  const setNextDate = (next: string) => plan.change({ ...plan.draft, nextDate: next });
  const setCycleSessions = (next: string) => plan.change({ ...plan.draft, cycleSessions: next });

  async function run(kind: Busy, task: () => Promise<boolean>) {
    setBusy(kind);
    setFailed(false);
    setFileOutcome(null);
    const ok = await task().catch(() => false);
    setBusy(null);
    setFailed(!ok);
  }

  /** Through the host when it cannot take a blob (Zoom's embedded browser); true when handled. */
  async function openThroughHost(file: HostFile): Promise<boolean> {
    if (!host.openFile) return false;
    const outcome = await host.openFile(file, token);
    setFileOutcome(outcome);
    return true;
  }

  const summary = (format: 'md' | 'html') =>
    run('export', async () => {
      if (await openThroughHost({ kind: 'summary', sessionId: view.id, format, lang: locale }))
        return true;
      const response = await authorizedFetch(
        `/api/sessions/${view.id}/summary?format=${format}&lang=${locale}`,
        token,
      );
      if (!response?.ok) return false;
      if (format === 'md') await download(response, 'cercle-synthese.md');
      else {
        const url = URL.createObjectURL(await response.blob());
        window.open(url, '_blank', 'noopener');
      }
      return true;
    });

  const openNext = () =>
    run('next', async () => {
      const response = await authorizedFetch(`/api/groups/${view.groupId}/sessions`, token, {
        method: 'POST',
        body: {
          templateKey: view.templateKey,
          scheduledFor: nextDate || null,
          cycleSessions: cycleSessions ? Number(cycleSessions) : null,
        },
      });
      const parsed = createSessionResponseSchema.safeParse(
        await response?.json().catch(() => null),
      );
      if (!response?.ok || !parsed.success) return false;
      plan.forget();
      saveCredentials(parsed.data.sessionId, {
        token: parsed.data.token,
        personId: parsed.data.personId,
      });
      navigate(`/s/${parsed.data.sessionId}`);
      return true;
    });

  return (
    <ContentCard name="next" testId="what-next" title={w.title}>
      <p className="actions">
        <button
          type="button"
          data-testid="export-md"
          disabled={busy !== null}
          onClick={() => summary('md')}
        >
          {w.exportMd}
        </button>
        <button
          type="button"
          data-testid="export-print"
          disabled={busy !== null}
          onClick={() => summary('html')}
        >
          {w.printable}
        </button>
        <button
          type="button"
          data-testid="open-cycle"
          onClick={() => navigate(`/g/${view.groupId}?from=${view.id}`)}
        >
          {w.cycle}
        </button>
      </p>
      {mayOpenNext && (
        <div className="form">
          <label>
            {w.nextDate}
            <input
              type="date"
              data-testid="next-date"
              value={nextDate}
              onChange={(e) => setNextDate(e.target.value)}
            />
          </label>
          <label>
            {w.cycleSessions}
            <input
              type="number"
              min={1}
              max={LIMITS.cycleSessionsMax}
              data-testid="cycle-sessions"
              value={cycleSessions}
              onChange={(e) => setCycleSessions(e.target.value)}
            />
          </label>
          <button
            type="button"
            className="primary"
            data-testid="open-next"
            disabled={busy !== null}
            onClick={openNext}
          >
            {busy === 'next' ? w.opening : w.next}
          </button>
        </div>
      )}
      <details className="my-data">
        <summary>{w.myData}</summary>
        <p className="actions">
          <button
            type="button"
            disabled={busy !== null}
            onClick={() =>
              run('data', async () => {
                if (await openThroughHost({ kind: 'myData', groupId: view.groupId })) return true;
                const response = await authorizedFetch(
                  `/api/groups/${view.groupId}/my-data`,
                  token,
                );
                if (!response?.ok) return false;
                await download(response, 'cercle-mes-donnees.json');
                return true;
              })
            }
          >
            {w.exportMine}
          </button>
          {canSend(view, myId, 'eraseMyContent') && (
            <ConfirmButton
              label={w.eraseMine}
              question={w.eraseConfirm}
              onConfirm={() => send({ type: 'eraseMyContent' })}
            />
          )}
        </p>
      </details>
      {failed && (
        <p className="error" role="alert">
          {w.failed}
        </p>
      )}
      {fileOutcome && (
        <p
          className={fileOutcome.ok ? undefined : 'error'}
          role={fileOutcome.ok ? 'status' : 'alert'}
          data-testid="file-outcome"
        >
          {fileOutcome.message}
        </p>
      )}
    </ContentCard>
  );
}
