import { type Command, type SessionState, viewFor } from '@cercle/domain';
import { act, cleanup, render } from '@testing-library/react';
import { type ComponentType, Suspense } from 'react';
import { I18nProvider } from '../i18n/i18n.tsx';
import type { ContentProps } from '../panel/content/contentProps.ts';

/**
 * Shows one content card to one person afresh, in French, as the stage's content does (and as a
 * stage change, its undo or a reload does); returns what it sends.
 */
export async function showCard(
  Card: ComponentType<ContentProps & { token: string }>,
  state: SessionState,
  myId: string,
): Promise<Command[]> {
  cleanup();
  const sent: Command[] = [];
  await act(async () => {
    render(
      <I18nProvider initial="fr">
        <Suspense fallback={null}>
          <Card view={viewFor(state, myId)} myId={myId} send={(c) => sent.push(c)} token="t" />
        </Suspense>
      </I18nProvider>,
    );
  });
  return sent;
}
