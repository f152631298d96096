import { currentConsultation, HELP_KINDS, type HelpKind } from '@cercle/domain';
import { useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import type { ContentProps } from './contentProps.ts';

/** The client's request and the kinds of help wanted; consultants keep it in sight. */
export function ContractCard({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.contract;
  const consultation = currentConsultation(view);
  const contract = consultation?.contract ?? null;
  const isClient = consultation?.clientId === myId;
  const [request, setRequest] = useState(contract?.request ?? '');
  const [kinds, setKinds] = useState<HelpKind[]>([...(contract?.helpKinds ?? [])]);
  if (!consultation) return null;
  if (isClient && view.lifecycle !== 'ended')
    return (
      <section className="card content" aria-labelledby="contract-title" data-testid="contract">
        <h2 id="contract-title" className="card__title">
          {w.title}
        </h2>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            send({ type: 'writeContract', request, helpKinds: kinds });
          }}
        >
          <label>
            {w.request}
            <textarea
              data-testid="contract-request"
              value={request}
              maxLength={2000}
              onChange={(e) => setRequest(e.target.value)}
            />
          </label>
          <fieldset className="choices">
            <legend>{w.help}</legend>
            {HELP_KINDS.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  data-testid={`help-${k}`}
                  checked={kinds.includes(k)}
                  onChange={(e) =>
                    setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))
                  }
                />{' '}
                {w.kinds[k]}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" data-testid="contract-save">
            {pages.content.save}
          </button>
          {contract && <span className="saved"> ✓ {pages.content.saved}</span>}
        </form>
      </section>
    );
  return (
    <section
      className="card content contract"
      aria-labelledby="contract-title"
      data-testid="contract"
    >
      <h2 id="contract-title" className="card__title">
        {w.title}
      </h2>
      {contract ? (
        <>
          <blockquote data-testid="contract-text">{contract.request}</blockquote>
          {contract.helpKinds.length > 0 && (
            <p>
              {w.help}
              {t.colon} {contract.helpKinds.map((k) => w.kinds[k]).join(', ')}
            </p>
          )}
        </>
      ) : (
        <p>{w.none}</p>
      )}
    </section>
  );
}
