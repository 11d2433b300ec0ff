import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { NewEventInvitation } from '../api-types.js';
import { t } from '../i18n.js';
import { href } from '../router.js';
import { ErrorBox } from './page.js';

/** The address a participant opens to join: this server's page, the code in it. */
const joinLink = (code: string) => `${location.origin}${location.pathname}${href.join(code)}`;

/**
 * The invitation: no mail server, a link to copy and send as the organisers like. Only a digest
 * of the code is kept, so it shows once, when made; a new one can be made at any time (the old
 * one stops working).
 */
export function InvitationPanel({ eventId }: { eventId: number }) {
  const [invitation, setInvitation] = useState<NewEventInvitation | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      setInvitation(await api<NewEventInvitation>('POST', `/events/${eventId}/invitations`));
      setError(undefined);
      setCopied(false);
      setTimeout(() => document.getElementById('invitation-link')?.focus());
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const copy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refusal): the link is selected for the reader to copy.
      const input = document.getElementById('invitation-link') as HTMLInputElement | null;
      input?.select();
    }
  };
  return (
    <section class="card invitation" aria-labelledby="invitation-title">
      <h2 id="invitation-title">{t('invitationTitle')}</h2>
      <p>{t('invitationIntro')}</p>
      {error ? <ErrorBox error={error} /> : null}
      {invitation ? (
        <>
          <div class="field">
            <label for="invitation-link">{t('invitationLink')}</label>
            <div class="copy-row">
              <input id="invitation-link" readOnly value={joinLink(invitation.code)} onFocus={(e) => e.currentTarget.select()} aria-describedby="invitation-once" />
              <button type="button" class="button-secondary" onClick={() => void copy(joinLink(invitation.code))}>{t('copyLink')}</button>
            </div>
          </div>
          <p>{t('invitationCode')} <strong class="invitation-code" data-code={invitation.code}>{invitation.code}</strong></p>
          <p id="invitation-once" class="muted">{t('invitationOnce')}</p>
          <p class="sr-only" role="status">{copied ? t('linkCopied') : ''}</p>
          {copied ? <p class="save-status save-saved" aria-hidden="true">{t('linkCopied')}</p> : null}
        </>
      ) : null}
      <button type="button" class={invitation ? 'button-secondary' : undefined} disabled={busy} onClick={() => void create()}>
        {invitation ? t('invitationRenew') : t('invitationCreate')}
      </button>
    </section>
  );
}
