import {
  currentConsultation,
  defaultVisibility,
  KIND_VISIBILITIES,
  LIMITS,
  SUGGESTION_SORTS,
  type SuggestionSort,
  type Visibility,
} from '@cercle/domain';
import { useState } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { draftKey, useDraft } from '../../ui/useDraft.ts';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import { type ContentProps, nameOf } from './contentProps.ts';
import { VisibilityPicker } from './VisibilityPicker.tsx';

/** The client's board: suggestions come in, the client sorts them and never argues back. */
export function SuggestionBoard({ view, myId, send }: ContentProps) {
  const pages = usePageMessages();
  const w = pages.content.suggestions;
  const consultation = currentConsultation(view);
  // A suggestion half typed outlives a stage change, its undo and a reload (one per consultation).
  const [text, setText, forgetText] = useDraft(
    draftKey(view.id, myId, `suggestion:${consultation?.id ?? ''}`),
  );
  const [visibility, setVisibility] = useState<Visibility>(defaultVisibility('suggestion'));
  if (!consultation) return null;
  const isClient = consultation.clientId === myId;
  // The client's sort: in this view only for the client, or for all once they share it [R73].
  const sorts = view.boardSorts[consultation.id]?.sorts ?? {};
  const may = {
    post: canSend(view, myId, 'postSuggestion'),
    // Only the consultation's client sorts (the domain checks whose board it is on sending).
    sort: isClient && canSend(view, myId, 'sortSuggestion'),
    share: canSend(view, myId, 'setVisibility'),
  };
  return (
    <ContentCard name="board" title={w.title}>
      {isClient && (
        <p className="reminder" role="note" data-testid="reminder">
          {w.reminder}
        </p>
      )}
      {consultation.suggestions.length === 0 && <p>{w.none}</p>}
      <ul className="suggestions">
        {consultation.suggestions.map((s) => (
          <li
            key={s.id}
            className={`suggestion suggestion--${sorts[s.id] ?? 'new'}`}
            data-testid="suggestion"
          >
            <p>
              {s.text} <span className="suggestion__author">— {nameOf(view, s.authorId)}</span>
              {s.visibility === 'client' && <em> ({w.forClient})</em>}
            </p>
            {may.sort ? (
              <fieldset className="suggestion__sorts">
                {SUGGESTION_SORTS.map((sort) => (
                  <button
                    key={sort}
                    type="button"
                    aria-pressed={sorts[s.id] === sort}
                    data-testid={`sort-${sort}`}
                    onClick={() =>
                      send({
                        type: 'sortSuggestion',
                        suggestionId: s.id,
                        sort: sorts[s.id] === sort ? null : sort,
                      })
                    }
                  >
                    {w.sorts[sort]}
                  </button>
                ))}
              </fieldset>
            ) : (
              <SortLabel sort={sorts[s.id]} labels={w.sorts} />
            )}
            {s.authorId === myId && !isClient && may.share && (
              <VisibilityPicker
                textRef={{ kind: 'suggestion', id: s.id }}
                visibility={s.visibility}
                send={send}
              />
            )}
          </li>
        ))}
      </ul>
      {may.post && (
        <form
          className="form form--inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            send({ type: 'postSuggestion', text, visibility });
            setText('');
            forgetText();
          }}
        >
          <label className="visually-hidden" htmlFor="suggestion-text">
            {w.placeholder}
          </label>
          <textarea
            id="suggestion-text"
            data-testid="suggestion-text"
            placeholder={w.placeholder}
            value={text}
            maxLength={LIMITS.shortTextMaxChars}
            rows={2}
            onChange={(e) => setText(e.target.value)}
          />
          {!isClient && (
            <label>
              {pages.content.visibility.label}{' '}
              <select
                value={visibility}
                onChange={(e) => setVisibility(e.target.value as Visibility)}
              >
                {KIND_VISIBILITIES.suggestion.map((v) => (
                  <option key={v} value={v}>
                    {pages.content.visibility[v]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="primary" data-testid="suggestion-post">
            {w.post}
          </button>
        </form>
      )}
    </ContentCard>
  );
}

/** The client's sort of a suggestion, where this reader may read it [R73]. */
function SortLabel({
  sort,
  labels,
}: {
  sort: SuggestionSort | undefined;
  labels: Readonly<Record<SuggestionSort, string>>;
}) {
  return sort ? <p className="suggestion__sort">{labels[sort]}</p> : null;
}
