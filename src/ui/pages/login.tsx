import { LoginForm } from '../components/login-form.js';
import { Page } from '../components/page.js';
import { t } from '../i18n.js';
import { href } from '../router.js';

export function LoginPage({ onLogin, notice }: { onLogin: () => Promise<void>; notice?: string | undefined }) {
  return (
    <Page title={t('loginTitle')}>
      {notice ? <p class="alert alert-warning" role="alert">{notice}</p> : <p>{t('loginIntro')}</p>}
      <LoginForm idPrefix="login" onLogin={onLogin} />
      <p><a href={href.join()}>{t('haveInvitationCode')}</a></p>
    </Page>
  );
}
