import { findPerson } from '@cercle/domain';
import { useState } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import type { ZoomShell } from './ZoomShell.tsx';
import { collaborateFailure } from './zoomOutcomes.ts';

/**
 * Collaborate as each person meets it: an offer to join once someone started it, then a way out.
 * The facilitator ends it for everyone from their controls.
 */
export function CollaborateBar({ shell }: { shell: ZoomShell }) {
  const pages = usePageMessages();
  const [problem, setProblem] = useState<string | null>(null);
  const { isIn, isOffered } = shell.collaborate;
  const watched = shell.watched;
  const isFacilitator =
    watched !== null && findPerson(watched.view, watched.myId)?.role === 'facilitator';
  if (!isOffered && !isIn) return null;
  const act = (call: 'join' | 'leave') => {
    setProblem(null);
    shell.connection
      .call((sdk) => (call === 'join' ? sdk.joinCollaborate() : sdk.leaveCollaborate()))
      .catch((error: unknown) => setProblem(collaborateFailure(error, shell.user, pages.zoom)));
  };
  return (
    <aside className="page notices" aria-label={pages.zoom.notices}>
      <p className="notice" role="status" data-testid="zoom-collaborate-bar" data-in={isIn}>
        {isIn ? pages.zoom.collaborate.inside : pages.zoom.collaborate.offer}{' '}
        {!isIn && (
          <button type="button" className="primary" onClick={() => act('join')}>
            {pages.zoom.collaborate.join}
          </button>
        )}
        {isIn && !isFacilitator && (
          <button type="button" onClick={() => act('leave')}>
            {pages.zoom.collaborate.leave}
          </button>
        )}
      </p>
      {problem && (
        <p className="error" role="alert" data-testid="zoom-collaborate-problem">
          {problem}
        </p>
      )}
    </aside>
  );
}
