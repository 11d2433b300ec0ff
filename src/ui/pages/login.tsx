import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { describedBy, Field } from '../components/field.js';
import { Page } from '../components/page.js';
import { t } from '../i18n.js';
import { href } from '../router.js';

export function LoginPage({ onLogin, notice }: { onLogin: () => Promise<void>; notice?: string | undefined }) {
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
  return (
    <Page title={t('loginTitle')}>
      {notice ? <p class="alert alert-warning" role="alert">{notice}</p> : <p>{t('loginIntro')}</p>}
      <form class="card form-narrow" onSubmit={(e) => void submit(e)} noValidate>
        {general ? <p class="alert alert-error" role="alert">{general}</p> : null}
        <Field id="login-email" label={t('email')} error={byPath.get('/email')}>
          <input id="login-email" type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={byPath.has('/email') || undefined} aria-describedby={describedBy('login-email', { error: byPath.get('/email') })} />
        </Field>
        <Field id="login-password" label={t('password')} error={byPath.get('/password')}>
          <input id="login-password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={byPath.has('/password') || undefined} aria-describedby={describedBy('login-password', { error: byPath.get('/password') })} />
        </Field>
        <button type="submit" disabled={busy}>{busy ? t('loggingIn') : t('login')}</button>
      </form>
      <p><a href={href.join()}>{t('haveInvitationCode')}</a></p>
    </Page>
  );
}
