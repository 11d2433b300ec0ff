import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Me } from '../api-types.js';
import { describedBy, Field } from '../components/field.js';
import { LoginForm } from '../components/login-form.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import type { EventJoined, EventSignedUp, InvitationPreview } from '../api-types.js';
import { formatDate, t } from '../i18n.js';
import { href, INVITATION_CODE, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

type Joined = Pick<EventJoined, 'eventId'>;

/**
 * Joining an event with its invitation link. Logged in, the leader picks which of their
 * organisations takes part; otherwise they log in here, or create their account and their
 * organisation in one step. Either way they land on their event page.
 */
export function JoinPage({ code, me, onSession }: { code: string; me: Me | null; onSession: () => Promise<void> }) {
  return code ? <JoinWithCode code={code} me={me} onSession={onSession} /> : <TypeCode />;
}

/** A code given by hand, typed in: spaces left out, then the invitation's page, which says whether it works. */
function TypeCode() {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (e: Event) => {
    e.preventDefault();
    const typed = code.replace(/\s+/g, '');
    if (!new RegExp(`^${INVITATION_CODE}$`).test(typed)) return setError(t('invitationCodeMalformed'));
    navigate(href.join(typed));
  };
  return (
    <Page title={t('joinTitle')}>
      <form class="card form-narrow" onSubmit={submit} noValidate>
        <Field id="invitation-code" label={t('invitationCodeLabel')} hint={t('invitationCodeHint')} error={error}>
          <input id="invitation-code" autocomplete="off" value={code} onInput={(e) => { setCode(e.currentTarget.value); setError(undefined); }}
            aria-invalid={error ? true : undefined} aria-describedby={describedBy('invitation-code', { hint: true, error })} />
        </Field>
        <button type="submit">{t('invitationCodeSubmit')}</button>
      </form>
    </Page>
  );
}

function JoinWithCode({ code, me, onSession }: { code: string; me: Me | null; onSession: () => Promise<void> }) {
  const state = useLoad(() => api<InvitationPreview>('POST', '/invitations/preview', { code }), [code]);
  const [mode, setMode] = useState<'register' | 'login'>('register');
  if (state.error && (state.error.status === 404 || state.error.status === 410)) {
    return <Page title={t('joinTitle')}><p class="alert alert-warning" role="alert">{t('invitationInvalid')}</p></Page>;
  }
  const done = async (joined: Joined) => {
    await onSession();
    navigate(href.event(joined.eventId));
  };
  return (
    <Loadable state={state}>
      {(invitation) => !invitation.open ? (
        <Page title={t('joinEventTitle', { title: invitation.title })}><p class="alert alert-warning" role="alert">{t('invitationClosed')}</p></Page>
      ) : (
        <Page title={t('joinEventTitle', { title: invitation.title })}>
          <p class="muted">{formatDate(invitation.date)} · {invitation.place}{invitation.organiser ? ` · ${t('organisedBy', { name: invitation.organiser })}` : ''}</p>
          <p>{t('joinIntro')}</p>
          {me ? <JoinWithAccount code={code} me={me} onJoined={done} /> : (
            <>
              <div class="button-row" role="group" aria-label={t('joinHow')}>
                <button type="button" class={mode === 'register' ? undefined : 'button-secondary'} aria-pressed={mode === 'register'} onClick={() => setMode('register')}>{t('joinNewAccount')}</button>
                <button type="button" class={mode === 'login' ? undefined : 'button-secondary'} aria-pressed={mode === 'login'} onClick={() => setMode('login')}>{t('joinHaveAccount')}</button>
              </div>
              {/* Logging in keeps the invitation's page: once in, the leader picks their organisation above. */}
              {mode === 'register' ? <Register code={code} onJoined={done} /> : <LoginForm idPrefix="join" onLogin={onSession} />}
            </>
          )}
        </Page>
      )}
    </Loadable>
  );
}

/** Whether the organisation agrees to be named to partners and shown to other participants. */
function NamedConsent({ named, setNamed }: { named: boolean; setNamed: (v: boolean) => void }) {
  return (
    <div class="field">
      <label class="check"><input type="checkbox" checked={named} onChange={(e) => setNamed(e.currentTarget.checked)} aria-describedby="named-hint" /> {t('joinNamed')}</label>
      <p class="hint" id="named-hint">{t('joinNamedHint')}</p>
    </div>
  );
}

function JoinWithAccount({ code, me, onJoined }: { code: string; me: Me; onJoined: (j: Joined) => Promise<void> }) {
  const own = me.organisations.filter((o) => o.access === 'edit');
  const [organisationId, setOrganisationId] = useState(own[0]?.id ?? 0);
  const [named, setNamed] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  if (own.length === 0) return <p class="alert">{t('joinNoOrganisation')}</p>;
  const join = async (e: Event) => {
    e.preventDefault();
    try {
      await onJoined(await api<EventJoined>('POST', '/invitations/join', { code, organisationId, named }));
    } catch (err) {
      setError(err as ApiError);
    }
  };
  return (
    <form class="card form-narrow" onSubmit={(e) => void join(e)} noValidate>
      {error ? <ErrorBox error={error} /> : null}
      <Field id="join-organisation" label={t('joinWhichOrganisation')}>
        <select id="join-organisation" value={String(organisationId)} onChange={(e) => setOrganisationId(Number(e.currentTarget.value))}>
          {own.map((o) => <option key={o.id} value={String(o.id)}>{o.name}</option>)}
        </select>
      </Field>
      <NamedConsent named={named} setNamed={setNamed} />
      <button type="submit">{t('joinSubmit')}</button>
    </form>
  );
}

type RegisterField = 'name' | 'email' | 'password' | 'organisation';

function Register({ code, onJoined }: { code: string; onJoined: (j: Joined) => Promise<void> }) {
  const [fields, setFields] = useState<Record<RegisterField, string>>({ name: '', email: '', password: '', organisation: '' });
  const [named, setNamed] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = error?.byPath() ?? new Map<string, string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const { organisation, ...person } = fields;
      await onJoined(await api<EventSignedUp>('POST', '/invitations/signup', { code, ...person, organisation: { name: organisation }, named }));
    } catch (err) {
      setError(err as ApiError);
      setTimeout(() => document.querySelector<HTMLElement>('.register-form [aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };
  const input = (field: RegisterField, label: string, type: 'text' | 'email' | 'password', autocomplete: string, hint?: string) => {
    const id = `register-${field}`;
    const message = errors.get(field === 'organisation' ? '/organisation/name' : `/${field}`) ?? (field === 'organisation' ? errors.get('/organisation') : undefined);
    const props = {
      id, autocomplete, value: fields[field], 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy(id, { hint: hint !== undefined, error: message }),
      onInput: (e: Event) => setFields({ ...fields, [field]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <Field id={id} label={label} hint={hint} error={message}>
        {type === 'password' ? <input type="password" {...props} /> : type === 'email' ? <input type="email" {...props} /> : <input {...props} />}
      </Field>
    );
  };
  return (
    <form class="card form-narrow register-form" onSubmit={(e) => void submit(e)} noValidate>
      {error && error.issues.length === 0 ? <ErrorBox error={error} /> : null}
      {input('name', t('registerName'), 'text', 'name')}
      {input('email', t('email'), 'email', 'username')}
      {input('password', t('password'), 'password', 'new-password', t('registerPasswordHint'))}
      {input('organisation', t('registerOrganisation'), 'text', 'organization')}
      <NamedConsent named={named} setNamed={setNamed} />
      <button type="submit" disabled={busy}>{t('registerSubmit')}</button>
    </form>
  );
}
