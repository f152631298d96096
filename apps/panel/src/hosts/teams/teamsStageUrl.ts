import { stageLinkResponseSchema } from '@cercle/protocol';
import { authorizedFetch } from '../../ui/api.ts';

/**
 * The stage view's address for Teams, carrying a read-only capability made for it; null when the
 * server could not make one.
 */
export async function teamsStageUrl(sessionId: string, token: string): Promise<string | null> {
  const response = await authorizedFetch(`/api/sessions/${sessionId}/stage-link`, token, {
    method: 'POST',
  });
  if (!response?.ok) return null;
  const parsed = stageLinkResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return null;
  return `${location.origin}/s/${sessionId}?host=teams&view=stage#stage=${parsed.data.token}`;
}
