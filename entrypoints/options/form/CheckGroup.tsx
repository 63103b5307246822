interface Option {
  value: string;
  label: string;
}

interface Props {
  legend: string;
  options: Option[];
  selected: string[];
  onChange(selected: string[]): void;
  /** Shown under the choices, e.g. why nothing may be left unchecked. */
  problem?: string;
}

/** A multi-select as a row of labelled checkboxes: every choice visible, reachable with Tab and Space. */
export function CheckGroup({ legend, options, selected, onChange, problem }: Props) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset class="check-group">
      <legend>{legend}</legend>
      <div class="choice">
        {options.map((o) => (
          <label key={o.value} class="check">
            <input
              type="checkbox"
              value={o.value}
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, e.currentTarget.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {problem && <p class="invalid">{problem}</p>}
    </fieldset>
  );
}
