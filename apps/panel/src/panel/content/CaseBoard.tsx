import { CASE_KINDS, type CaseKind } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { draftKey, isShapedLike, useStoredDraft } from '../../ui/useDraft.ts';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { shortTextField, titleField } from './textFields.tsx';

interface CaseDraft {
  readonly kind: CaseKind;
  readonly title: string;
  readonly summary: string;
}

const BLANK_CASE: CaseDraft = { kind: 'problem', title: '', summary: '' };

/** The choice of subject: proposals (the 3 P), open votes, the facilitator's choice. */
export function CaseBoard({ view, myId, send }: ContentProps) {
  const pages = usePageMessages();
  const w = pages.content.cases;
  // A proposal half typed outlives a stage change, its undo and a reload, until it is sent.
  const proposal = useStoredDraft<CaseDraft>(
    draftKey(view.id, myId, 'case'),
    () => BLANK_CASE,
    (stored) =>
      isShapedLike(stored, BLANK_CASE) && CASE_KINDS.includes(stored.kind) ? stored : null,
  );
  const { kind, title, summary } = proposal.draft;
  const setKind = (next: CaseKind) => proposal.change({ ...proposal.draft, kind: next });
  const setTitle = (next: string) => proposal.change({ ...proposal.draft, title: next });
  const setSummary = (next: string) => proposal.change({ ...proposal.draft, summary: next });
  const chosen = new Set(view.consultations.map((c) => c.caseId));
  const votesFor = (caseId: string) => Object.values(view.votes).filter((v) => v === caseId).length;
  const may = {
    propose: canSend(view, myId, 'proposeCase'),
    vote: canSend(view, myId, 'voteCase'),
    choose: canSend(view, myId, 'chooseCase'),
    withdraw: canSend(view, myId, 'withdrawCase'),
  };
  return (
    <ContentCard name="cases" title={w.title}>
      {view.lifecycle === 'scheduled' && (
        <p className="cases__in-advance" data-testid="cases-in-advance">
          {w.inAdvance}
        </p>
      )}
      {view.cases.length === 0 && <p>{w.none}</p>}
      <ul className="cases">
        {view.cases.map((proposal) => {
          const isChosen = chosen.has(proposal.id);
          const author = nameOf(view, proposal.authorId);
          const fresh = !view.pastClientIds.includes(proposal.authorId);
          return (
            <li
              key={proposal.id}
              className={`case${isChosen ? ' case--chosen' : ''}`}
              data-testid="case"
            >
              <p>
                <span className="case__kind">{w.kinds[proposal.kind]}</span>{' '}
                <strong>{proposal.title}</strong> <span>{w.by(author)}</span>
                {fresh && (
                  <span className="case__fresh">
                    {' '}
                    – {author} {w.notYetClient}
                  </span>
                )}
              </p>
              {proposal.summary && <p className="case__summary">{proposal.summary}</p>}
              {isChosen ? (
                <p className="case__status">{w.chosen}</p>
              ) : (
                <p className="case__actions">
                  <span data-testid="case-votes">{w.votes(votesFor(proposal.id))}</span>{' '}
                  {may.vote && (
                    <button
                      type="button"
                      aria-pressed={view.votes[myId] === proposal.id}
                      onClick={() =>
                        send({
                          type: 'voteCase',
                          caseId: view.votes[myId] === proposal.id ? null : proposal.id,
                        })
                      }
                    >
                      {view.votes[myId] === proposal.id ? w.unvote : w.vote}
                    </button>
                  )}
                  {may.choose && (
                    <button
                      type="button"
                      className="primary"
                      data-testid="choose-case"
                      onClick={() => send({ type: 'chooseCase', caseId: proposal.id })}
                    >
                      {w.choose}
                    </button>
                  )}
                  {may.withdraw && proposal.authorId === myId && (
                    <button
                      type="button"
                      onClick={() => send({ type: 'withdrawCase', caseId: proposal.id })}
                    >
                      {w.withdraw}
                    </button>
                  )}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {may.propose && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!title.trim()) return;
            send({ type: 'proposeCase', kind, title, summary });
            proposal.change(BLANK_CASE);
            proposal.forget();
          }}
        >
          <h3>{w.propose}</h3>
          <fieldset className="choices">
            <legend>{w.kind}</legend>
            {CASE_KINDS.map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="case-kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                />{' '}
                {w.kinds[k]}
              </label>
            ))}
          </fieldset>
          {titleField(w.caseTitle, 'case-title').render(title, setTitle)}
          {shortTextField(w.summary, 'case-summary', 'paragraph').render(summary, setSummary)}
          <button type="submit" className="primary" data-testid="case-submit">
            {w.submit}
          </button>
        </form>
      )}
    </ContentCard>
  );
}
