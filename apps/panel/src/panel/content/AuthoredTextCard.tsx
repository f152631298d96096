import { type Command, defaultVisibility, type TextRef, type Visibility } from '@cercle/domain';
import { Fragment, type ReactNode, useEffect } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { draftKey, isShapedLike, useStoredDraft } from '../../ui/useDraft.ts';
import { canSend } from '../canSend.ts';
import { ContentCard } from './ContentCard.tsx';
import type { ContentProps } from './contentProps.ts';
import type { TextFields } from './textFields.tsx';
import { VisibilityLabel, VisibilityPicker } from './VisibilityPicker.tsx';

/** What every card of one kind of text is, whoever it is shown to: its names, its command. */
export interface TextCard<D> {
  /** Names the card: its title's id, the save button's test id (`${name}-save`). */
  readonly name: string;
  /** The card's test id, when it is not its name. */
  readonly testId?: string;
  readonly className?: string;
  /** The command that saves the text, built from the author's draft. */
  readonly command: (draft: D) => Command;
  /** The draft of a text not yet written: the parts its command carries. */
  readonly blank: D;
}

export interface AuthoredTextCardProps<D> extends ContentProps {
  readonly card: TextCard<D>;
  readonly fields: TextFields<D>;
  readonly title: string;
  /** The text as saved (the domain's), or nothing before its first save. */
  readonly text: (D & { readonly visibility?: Visibility }) | null | undefined;
  /** Above the form, for the author (the form's own heading). */
  readonly formTitle?: string;
  /** The text, for one whose author chooses its readers (a contract is the group's: none). */
  readonly textRef?: TextRef;
  /**
   * What the text is about when a session holds several (a contract's consultation), so the
   * draft of one is never offered for another. The text's own id serves when it has one.
   */
  readonly about?: string;
  /** Above everything, for everyone (what the text builds on). */
  readonly intro?: ReactNode;
  /** In the form's place, for whoever may not write the text now. */
  readonly readOnly?: ReactNode;
  /** Below, for everyone: what the others wrote. */
  readonly children?: ReactNode;
}

/**
 * A text its author writes and saves whole (learnings, an action plan, a debrief, an evaluation,
 * an observer's grid, a contract): the form is shown to whoever the domain lets send its command
 * now, each part edited by its field, and its readers picked beside it.
 */
export function AuthoredTextCard<D>(props: AuthoredTextCardProps<D>) {
  const { view, myId, send, card, text, fields } = props;
  const { name, command } = card;
  const pages = usePageMessages();
  // The unsaved draft lives on the device, per session, person and text: a stage change, its
  // undo or a reload brings it back; it is forgotten once the text saved reads the same.
  const about = props.about ?? props.textRef?.id;
  const { draft, change, forget, isKept } = useStoredDraft<D>(
    draftKey(view.id, myId, about === undefined ? name : `${name}:${about}`),
    () => (text ? partsOf(text, fields) : card.blank),
    (stored) => (isShapedLike(stored, card.blank as object) ? (stored as D) : null),
  );
  const parts = Object.keys(fields) as (keyof D & string)[];
  const isSaved = text != null && parts.every((part) => isSamePart(text[part], draft[part]));
  useEffect(() => {
    if (isKept && isSaved) forget();
  }, [isKept, isSaved, forget]);
  const canWrite = canSend(view, myId, command(draft).type);
  return (
    <ContentCard name={name} testId={card.testId} className={card.className} title={props.title}>
      {props.intro}
      {canWrite ? (
        <>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              send(command(draft));
            }}
          >
            {props.formTitle && <h3>{props.formTitle}</h3>}
            {parts.map((part) => (
              <Fragment key={part}>
                {fields[part].render(draft[part], (value) => change({ ...draft, [part]: value }))}
              </Fragment>
            ))}
            <button type="submit" className="primary" data-testid={`${name}-save`}>
              {pages.content.save}
            </button>
            {text && <span className="saved"> ✓ {pages.content.saved}</span>}
          </form>
          {props.textRef && (
            <ReadersOf
              textRef={props.textRef}
              visibility={text?.visibility ?? null}
              view={view}
              myId={myId}
              send={send}
            />
          )}
        </>
      ) : (
        props.readOnly
      )}
      {props.children}
    </ContentCard>
  );
}

/** The parts of a saved text its command carries: a draft, and nothing else of the text. */
function partsOf<D>(text: D, fields: TextFields<D>): D {
  const parts: Partial<D> = {};
  for (const part of Object.keys(fields) as (keyof D)[]) parts[part] = text[part];
  return parts as D;
}

/** Parts are JSON-like values (words, a list of them, a date or none). */
function isSamePart(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Who reads a text: its author picks once it is written; until then, its kind's default. */
function ReadersOf({
  textRef,
  visibility,
  view,
  myId,
  send,
}: ContentProps & { textRef: TextRef; visibility: Visibility | null }) {
  if (visibility === null) return <VisibilityLabel visibility={defaultVisibility(textRef.kind)} />;
  if (!canSend(view, myId, 'setVisibility')) return <VisibilityLabel visibility={visibility} />;
  return <VisibilityPicker textRef={textRef} visibility={visibility} send={send} />;
}
