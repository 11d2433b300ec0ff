import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { describedBy, Field } from './field.js';
import { ErrorBox } from './page.js';

/**
 * A long text kept with a versioned record (a workshop's notes, the event's improvements). A stale
 * write is refused with its reason; the text typed stays, and the next save goes over the version
 * now stored, which the refusal carries (`current`).
 */
export function TextRecordForm({ id, title, label, hint, field, initial, version: initialVersion, save, children }: {
  id: string;
  title: string;
  label: string;
  hint: string;
  /** Where the API puts a problem with the text ('/notes'). */
  field: string;
  initial: string | null;
  version: number;
  /** Sends the text (null when blank) with the version read; answers the new version. */
  save: (text: string | null, version: number) => Promise<number>;
  children?: ComponentChildren;
}) {
  const [text, setText] = useState(initial ?? '');
  const [version, setVersion] = useState(initialVersion);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      setVersion(await save(text.trim() || null, version));
      setError(undefined);
      setSaved(true);
    } catch (err) {
      setSaved(false);
      setError(err as ApiError);
      if ((err as ApiError).status === 409) setVersion(((err as ApiError).details.current as { version: number }).version);
    }
  };
  const fieldError = error?.byPath().get(field);
  return (
    <form class="card" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      {error && !fieldError ? <ErrorBox error={error} /> : null}
      <Field id={id} label={label} hint={hint} error={fieldError}>
        <textarea id={id} rows={6} value={text} onInput={(e) => { setText(e.currentTarget.value); setSaved(false); }}
          aria-describedby={describedBy(id, { hint: true, error: fieldError })} />
      </Field>
      <div class="button-row">
        <button type="submit">{t('save')}</button>
        {saved ? <span role="status" class="save-status save-saved">{t('saved')}</span> : null}
        {children}
      </div>
    </form>
  );
}
