import { useState } from 'react';

/** A link shown whole in a field a person can select, with a button that copies it. */
export function LinkField({
  link,
  label,
  copy,
  copied,
  testId,
}: {
  link: string;
  label: string;
  copy: string;
  copied: string;
  testId: string;
}) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <>
      <label>
        {label}
        <input readOnly value={link} data-testid={testId} onFocus={(e) => e.target.select()} />
      </label>
      <button
        type="button"
        onClick={() =>
          // Where the clipboard is refused, the link stays selectable in its field.
          void navigator.clipboard.writeText(link).then(
            () => setIsCopied(true),
            () => setIsCopied(false),
          )
        }
      >
        {isCopied ? copied : copy}
      </button>
    </>
  );
}
