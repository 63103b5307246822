import type { ComponentChildren } from 'preact';

interface Props {
  label: string;
  submitLabel: string;
  busy: boolean;
  /** Why the form cannot be sent yet, announced when it appears. */
  problem?: string;
  onSubmit(): void;
  children: ComponentChildren;
}

/** A form of fields in a row, its submit button, and the problem that keeps it from being sent. */
export function InlineForm({ label, submitLabel, busy, problem, onSubmit, children }: Props) {
  return (
    <form
      class="form inline-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div class="form-submit">
        <button type="submit" class="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
      {problem && (
        <p class="invalid form-wide" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
