import { currentConsultation, isListeningOver, SUGGESTION_SORTS } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { ShareWithGroupButton } from './ShareWithGroupButton.tsx';

/**
 * At the synthesis, the client's sort of their board [R73]: the client sees it and chooses to
 * share it with the group (or take it back); the others read it once shared.
 */
export function ClientSortCard({ view, myId, send }: ContentProps) {
  const pages = usePageMessages();
  const w = pages.content.clientSort;
  const consultation = currentConsultation(view);
  if (!consultation) return null;
  const isClient = consultation.clientId === myId;
  // In this view only when this person may read it: the client's own, or shared with the group.
  const boardSort = view.boardSorts[consultation.id];
  if (!isClient && !boardSort) return null;
  const isShared = boardSort?.visibility === 'group';
  const mayShare = isClient && !!boardSort && canSend(view, myId, 'setVisibility');
  const groups = SUGGESTION_SORTS.map((sort) => ({
    sort,
    items: consultation.suggestions.filter((s) => boardSort?.sorts[s.id] === sort),
  })).filter((group) => group.items.length > 0);
  return (
    <ContentCard name="client-sort" title={isClient ? w.title : w.readOnly}>
      {groups.length === 0 && <p>{w.none}</p>}
      {groups.map(({ sort, items }) => (
        <div key={sort}>
          <h3>{pages.content.suggestions.sorts[sort]}</h3>
          <ul>
            {items.map((s) => (
              <li key={s.id} data-testid="client-sort-item">
                {s.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {isClient && (
        <p className="hint" data-testid="client-sort-state">
          {isShared ? w.shared : w.private}
        </p>
      )}
      {mayShare && isListeningOver(view) && (
        <ShareWithGroupButton
          textRef={{ kind: 'boardSort', id: consultation.id }}
          visibility={boardSort.visibility}
          send={send}
          testId="share-sort"
          share={w.share}
          unshare={w.unshare}
        />
      )}
    </ContentCard>
  );
}
