import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  /** Shown under the control unless there is a problem. */
  hint?: string;
  problem?: string;
  children(describedBy: string | undefined, invalid: boolean): ComponentChildren;
}

/** A labelled control with its hint or its problem, tied to it for screen readers. */
export function Field({ id, label, hint, problem, children }: Props) {
  const noteId = `${id}-note`;
  return (
    <div class="field">
      <label class="field" for={id}>
        {label}
      </label>
      {children(problem || hint ? noteId : undefined, problem !== undefined)}
      {problem ? (
        <span id={noteId} class="invalid">
          {problem}
        </span>
      ) : (
        hint && (
          <span id={noteId} class="hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
