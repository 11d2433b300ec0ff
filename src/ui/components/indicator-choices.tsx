import type { Questionnaires } from '../api-types.js';

/** The content's indicators as checkboxes, grouped under their pillars: what a workshop covers, what an expert knows. */
export function IndicatorChoices({ content, legend, value, error, onChange }: { content: Questionnaires; legend: string; value: readonly string[]; error?: string | undefined; onChange: (ids: string[]) => void }) {
  return (
    <fieldset class="choices indicator-choices">
      <legend>{legend}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      {content.pillars.map((p) => (
        <div key={p.id} class="choice-group">
          <p class="choice-group-title">{p.title}</p>
          {p.indicators.map((i) => (
            <label key={i.id} class="check">
              <input type="checkbox" checked={value.includes(i.id)} onChange={(e) => onChange(e.currentTarget.checked ? [...value, i.id] : value.filter((x) => x !== i.id))} /> {i.title}
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
