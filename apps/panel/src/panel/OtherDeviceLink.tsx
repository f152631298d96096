import { deviceLinkResponseSchema } from '@cercle/protocol';
import { usePageMessages } from '../i18n/i18n.tsx';
import { LinkField } from './LinkField.tsx';
import { useNewLink } from './useNewLink.ts';

/**
 * A link that opens this person's own seat on another device (a facilitator moving to a laptop, a
 * second screen). It is a key to the seat: said so, and made only when asked.
 */
export function OtherDeviceLink({ sessionId, token }: { sessionId: string; token: string }) {
  const pages = usePageMessages();
  const d = pages.otherDevice;
  const { link, state, ask } = useNewLink(
    `/api/sessions/${sessionId}/device-link`,
    token,
    (body) => {
      const parsed = deviceLinkResponseSchema.safeParse(body);
      return parsed.success ? parsed.data.url : null;
    },
  );

  return (
    <details className="card other-device" data-testid="other-device">
      <summary>{d.title}</summary>
      <p>{d.intro}</p>
      {link ? (
        <LinkField
          link={link}
          label={d.label}
          copy={d.copy}
          copied={d.copied}
          testId="other-device-link"
        />
      ) : (
        <button type="button" disabled={state === 'busy'} onClick={() => void ask()}>
          {d.make}
        </button>
      )}
      {state === 'failed' && (
        <p className="error" role="alert">
          {d.failed}
        </p>
      )}
    </details>
  );
}
