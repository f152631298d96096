import { useState } from 'react';
import { useI18n, usePageMessages } from '../../i18n/i18n.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { VisibilityLabel, VisibilityPicker } from './VisibilityPicker.tsx';

/** Everyone's learnings, on the content and on the process; shared only if the author says so. */
export function LearningsCard({ view, myId, send }: ContentProps) {
  const { t } = useI18n();
  const pages = usePageMessages();
  const w = pages.content.learnings;
  const mine = view.learnings[myId];
  const [content, setContent] = useState(mine?.content ?? '');
  const [process, setProcess] = useState(mine?.process ?? '');
  const shared = Object.values(view.learnings).filter((l) => l.authorId !== myId);
  return (
    <section className="card content" aria-labelledby="learnings-title" data-testid="learnings">
      <h2 id="learnings-title" className="card__title">
        {w.title}
      </h2>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'writeLearnings', content, process });
        }}
      >
        <label>
          {w.content}
          <textarea
            data-testid="learnings-content"
            value={content}
            maxLength={5000}
            onChange={(e) => setContent(e.target.value)}
          />
        </label>
        <label>
          {w.process}
          <textarea
            data-testid="learnings-process"
            value={process}
            maxLength={5000}
            onChange={(e) => setProcess(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="learnings-save">
          {pages.content.save}
        </button>
        {mine && <span className="saved"> ✓ {pages.content.saved}</span>}
      </form>
      {mine ? (
        <VisibilityPicker
          textRef={{ kind: 'learnings', id: myId }}
          visibility={mine.visibility}
          send={send}
        />
      ) : (
        <VisibilityLabel visibility="me" />
      )}
      {shared.length > 0 && (
        <>
          <h3>{w.shared}</h3>
          <ul data-testid="shared-learnings">
            {shared.map((l) => (
              <li key={l.authorId}>
                <strong>{nameOf(view, l.authorId)}</strong>
                {t.colon} {l.content} {l.process && `— ${l.process}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
