import { currentConsultation } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { draftKey } from '../../ui/useDraft.ts';
import { canSend } from '../canSend.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { ContentCard } from './ContentCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { shortTextField } from './textFields.tsx';

/**
 * Clarification [R60]: the questions the consultants ask, noted by whoever asked them, and the
 * facilitator's flag on one that is advice in disguise [R46].
 */
export function QuestionsCard({ view, myId, send }: ContentProps) {
  const w = usePageMessages().content.questions;
  const consultation = currentConsultation(view);
  if (!consultation) return null;
  const questions = view.questions.filter((q) => q.consultationId === consultation.id);
  const flagged = new Set(view.adviceFlags.flatMap((f) => (f.questionId ? [f.questionId] : [])));
  const mayAsk = canSend(view, myId, 'askQuestion');
  const mayFlag = canSend(view, myId, 'flagAdvice');
  const isConsultant = (personId: string) =>
    view.people.find((p) => p.id === personId)?.role === 'consultant';
  return (
    <ContentCard name="questions" title={w.title}>
      <p>{w.hint}</p>
      {questions.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <ol className="questions">
          {questions.map((q) => (
            <li key={q.id} data-testid="question" data-flagged={flagged.has(q.id)}>
              <strong>{nameOf(view, q.authorId)}</strong> — {q.text}
              {flagged.has(q.id) && (
                <span className="question__flag" data-testid="question-flagged">
                  {' '}
                  ({w.flagged})
                </span>
              )}
              {mayFlag && !flagged.has(q.id) && isConsultant(q.authorId) && (
                <>
                  {' '}
                  <button
                    type="button"
                    data-testid="flag-question"
                    aria-label={w.flagOf(nameOf(view, q.authorId))}
                    onClick={() =>
                      send({ type: 'flagAdvice', personId: q.authorId, questionId: q.id })
                    }
                  >
                    {w.flag}
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {mayAsk && (
        <AddItemForm
          draftKey={draftKey(view.id, myId, `question:${consultation.id}`)}
          field={shortTextField(w.ask, 'question-text', 'line')}
          submit={w.submit}
          submitTestId="question-submit"
          add={(text) => send({ type: 'askQuestion', text })}
        />
      )}
    </ContentCard>
  );
}
