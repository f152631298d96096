import {
  type Command,
  defaultVisibility,
  type SessionView,
  type TextRef,
  type Visibility,
} from '@cercle/domain';
import { Fragment, type ReactNode, useState } from 'react';
import { usePageMessages } from '../../i18n/i18n.tsx';
import { canSend } from '../canSend.ts';
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

export interface AuthoredTextCardProps<D> {
  readonly view: SessionView;
  readonly myId: string;
  readonly send: (command: Command) => void;
  readonly card: TextCard<D>;
  readonly fields: TextFields<D>;
  readonly title: string;
  /** The text as saved (the domain's), or nothing before its first save. */
  readonly text: (D & { readonly visibility?: Visibility }) | null | undefined;
  /** Above the form, for the author (the form's own heading). */
  readonly formTitle?: string;
  /** The text, for one whose author chooses its readers (a contract is the group's: none). */
  readonly textRef?: TextRef;
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
  const [draft, setDraft] = useState<D>(() => (text ? partsOf(text, fields) : card.blank));
  const canWrite = canSend(view, myId, command(draft).type);
  const parts = Object.keys(fields) as (keyof D & string)[];
  return (
    <section
      className={card.className ? `card content ${card.className}` : 'card content'}
      aria-labelledby={`${name}-title`}
      data-testid={card.testId ?? name}
    >
      <h2 id={`${name}-title`} className="card__title">
        {props.title}
      </h2>
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
                {fields[part].render(draft[part], (value) => setDraft({ ...draft, [part]: value }))}
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
    </section>
  );
}

/** The parts of a saved text its command carries: a draft, and nothing else of the text. */
function partsOf<D>(text: D, fields: TextFields<D>): D {
  const parts: Partial<D> = {};
  for (const part of Object.keys(fields) as (keyof D)[]) parts[part] = text[part];
  return parts as D;
}

/** Who reads a text: its author picks once it is written; until then, its kind's default. */
function ReadersOf({
  textRef,
  visibility,
  view,
  myId,
  send,
}: {
  textRef: TextRef;
  visibility: Visibility | null;
  view: SessionView;
  myId: string;
  send: (command: Command) => void;
}) {
  if (visibility === null) return <VisibilityLabel visibility={defaultVisibility(textRef.kind)} />;
  if (!canSend(view, myId, 'setVisibility')) return <VisibilityLabel visibility={visibility} />;
  return <VisibilityPicker textRef={textRef} visibility={visibility} send={send} />;
}
