import { useState } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { SpeakingBalance } from './SpeakingBalance.tsx';
import { useZoomShell, type ZoomShell } from './ZoomShell.tsx';
import { chatFailure, collaborateFailure } from './zoomOutcomes.ts';

type Outcome = { readonly ok: boolean; readonly text: string } | null;

function OutcomeLine({ outcome, testId }: { outcome: Outcome; testId: string }) {
  if (!outcome) return null;
  return (
    <p
      className={outcome.ok ? 'hint' : 'error'}
      role={outcome.ok ? 'status' : 'alert'}
      data-testid={testId}
      data-ok={outcome.ok}
    >
      {outcome.text}
    </p>
  );
}

function InviteButton({ shell }: { shell: ZoomShell }) {
  const pages = usePageMessages();
  const [state, setState] = useState<'idle' | 'sent' | 'failed'>('idle');
  return (
    <>
      <button
        type="button"
        className="wide"
        onClick={() => {
          shell.connection
            .call((sdk) => sdk.sendAppInvitationToAllParticipants())
            .then(
              () => setState('sent'),
              () => setState('failed'),
            );
        }}
      >
        {state === 'sent' ? pages.zoom.invited : pages.zoom.invite}
      </button>
      {state === 'failed' && (
        <p className="error" role="alert" data-testid="zoom-invite-failed">
          {pages.zoom.inviteFailed}
        </p>
      )}
    </>
  );
}

/** Starts Collaborate (Zoom offers every participant to join) or ends it for everyone. */
function CollaborateButton({ shell }: { shell: ZoomShell }) {
  const pages = usePageMessages();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isIn = shell.collaborate.isIn;
  const act = async () => {
    setIsBusy(true);
    try {
      // No screen share: whoever cannot join would see the facilitator's own panel.
      if (isIn) await shell.connection.call((sdk) => sdk.endCollaborate());
      else await shell.connection.call((sdk) => sdk.startCollaborate({ shareScreen: false }));
      setOutcome({
        ok: true,
        text: isIn ? pages.zoom.collaborate.ended : pages.zoom.collaborate.started,
      });
    } catch (error) {
      setOutcome({ ok: false, text: collaborateFailure(error, shell.user, pages.zoom) });
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="wide"
        disabled={isBusy}
        data-testid="zoom-collaborate"
        onClick={() => void act()}
      >
        {isIn ? pages.zoom.collaborate.end : pages.zoom.collaborate.start}
      </button>
      <OutcomeLine outcome={outcome} testId="zoom-collaborate-outcome" />
    </>
  );
}

/** Posts in the meeting chat: the session's link, and once it is over, where each summary is. */
function ChatButtons({ shell }: { shell: ZoomShell }) {
  const pages = usePageMessages();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const view = shell.watched?.view ?? null;
  if (!view) return null;
  const post = async (write: (group: string, url: string) => string) => {
    setOutcome(null);
    const url = await shell.appLink();
    if (!url) return setOutcome({ ok: false, text: pages.zoom.chat.linkFailed });
    try {
      await shell.connection.call((sdk) =>
        sdk.sendMessageToChat({ message: write(view.groupName, url) }),
      );
      setOutcome({ ok: true, text: pages.zoom.chat.posted });
    } catch {
      setOutcome({ ok: false, text: chatFailure(shell.runningContext, pages.zoom) });
    }
  };
  return (
    <>
      {view.lifecycle === 'ended' ? (
        <button
          type="button"
          className="wide"
          data-testid="zoom-chat-summary"
          onClick={() => void post(pages.zoom.chat.summaryMessage)}
        >
          {pages.zoom.chat.postSummary}
        </button>
      ) : (
        <button
          type="button"
          className="wide"
          data-testid="zoom-chat-join"
          onClick={() => void post(pages.zoom.chat.joinMessage)}
        >
          {pages.zoom.chat.postJoin}
        </button>
      )}
      <OutcomeLine outcome={outcome} testId="zoom-chat-outcome" />
    </>
  );
}

/** What Zoom adds to the facilitator's controls. */
export function ZoomFacilitatorTools() {
  const pages = usePageMessages();
  const shell = useZoomShell();
  if (!shell) return null;
  return (
    <div className="zoom-tools" data-testid="zoom-tools">
      <h3>{pages.zoom.tools}</h3>
      <InviteButton shell={shell} />
      <CollaborateButton shell={shell} />
      <ChatButtons shell={shell} />
      <SpeakingBalance shell={shell} />
    </div>
  );
}
