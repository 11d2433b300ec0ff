import type { ComponentChildren } from 'preact';

/**
 * A labelled form field with its hint and its error underneath, tied to the control with
 * aria-describedby so a screen reader reads them with it.
 */
export function Field({ id, label, hint, error, children }: { id: string; label: ComponentChildren; hint?: ComponentChildren; error?: string | undefined; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? <p class="field-error" id={`${id}-error`}>{error}</p> : null;
}

/** The ids a control should be described by. */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: string | undefined }): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
