import { useDraft } from '../../ui/useDraft.ts';
import type { TextField } from './textFields.tsx';

interface Props {
  /** Where the draft is kept on the device: a `draftKey`. */
  readonly draftKey: string;
  readonly field: TextField<string>;
  readonly submit: string;
  readonly submitTestId: string;
  readonly add: (text: string) => void;
}

/**
 * Adds one item to a list (a question, a stage note): the draft outlives a reload, a blank one is
 * not sent, and a sent one leaves the field empty for the next.
 */
export function AddItemForm({ draftKey, field, submit, submitTestId, add }: Props) {
  const [draft, setDraft, forget] = useDraft(draftKey);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.trim()) return;
        add(draft);
        setDraft('');
        forget();
      }}
    >
      {field.render(draft, setDraft)}
      <button type="submit" className="primary" data-testid={submitTestId}>
        {submit}
      </button>
    </form>
  );
}
