import type { Learnings } from '@cercle/domain';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { AuthoredTextCard, type TextCard } from './AuthoredTextCard.tsx';
import type { ContentProps } from './contentProps.ts';
import { ByAuthor } from './readouts.tsx';
import { longTextField } from './textFields.tsx';

const LEARNINGS: TextCard<Pick<Learnings, 'content' | 'process'>> = {
  name: 'learnings',
  command: (draft) => ({ type: 'writeLearnings', ...draft }),
  blank: { content: '', process: '' },
};

/** Everyone's learnings, on the content and on the process; shared only if the author says so. */
export function LearningsCard(props: ContentProps) {
  const { view, myId } = props;
  const w = usePageMessages().content.learnings;
  const mine = view.learnings[myId];
  const shared = Object.values(view.learnings).filter((l) => l.authorId !== myId);
  return (
    <AuthoredTextCard
      {...props}
      card={LEARNINGS}
      fields={{
        content: longTextField(w.content, 'learnings-content'),
        process: longTextField(w.process, 'learnings-process'),
      }}
      title={w.title}
      text={mine}
      textRef={{ kind: 'learnings', id: myId }}
    >
      {shared.length > 0 && (
        <>
          <h3>{w.shared}</h3>
          <ByAuthor
            view={view}
            texts={shared}
            testId="shared-learnings"
            line={(l) => (l.process ? `${l.content} — ${l.process}` : l.content)}
          />
        </>
      )}
    </AuthoredTextCard>
  );
}
