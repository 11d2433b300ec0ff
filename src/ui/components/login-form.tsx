import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { describedBy, Field } from './field.js';

/**
 * Email and password, sent to /auth/login: each field's problem beside it, others above, the
 * button waiting while it is sent. `idPrefix` keeps ids apart where a page holds another form.
 */
export function LoginForm({ idPrefix, onLogin }: { idPrefix: string; onLogin: () => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const byPath = error?.byPath() ?? new Map<string, string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api('POST', '/auth/login', { email, password });
      setError(undefined);
      await onLogin();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const general = error && error.issues.length === 0 ? error.message : undefined;
  const [emailId, passwordId] = [`${idPrefix}-email`, `${idPrefix}-password`];
  return (
    <form class="card form-narrow" onSubmit={(e) => void submit(e)} noValidate>
      {general ? <p class="alert alert-error" role="alert">{general}</p> : null}
      <Field id={emailId} label={t('email')} error={byPath.get('/email')}>
        <input id={emailId} type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)}
          aria-invalid={byPath.has('/email') || undefined} aria-describedby={describedBy(emailId, { error: byPath.get('/email') })} />
      </Field>
      <Field id={passwordId} label={t('password')} error={byPath.get('/password')}>
        <input id={passwordId} type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={byPath.has('/password') || undefined} aria-describedby={describedBy(passwordId, { error: byPath.get('/password') })} />
      </Field>
      <button type="submit" disabled={busy}>{busy ? t('loggingIn') : t('login')}</button>
    </form>
  );
}
