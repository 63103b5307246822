interface Props {
  label: string;
  /** A day as the forms hold it: yyyy-mm-dd. */
  value: string;
  min?: string;
  max: string;
  onInput(value: string): void;
}

/** A labelled day picker, bounded by the days the form accepts. */
export function DayField({ label, value, min, max, onInput }: Props) {
  return (
    <label class="field">
      {label}
      <input type="date" value={value} min={min} max={max} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
}
