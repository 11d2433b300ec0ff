import { IndicatorChoices } from '../components/indicator-choices.js';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Questionnaires } from '../api-types.js';
import type { ExpertProfile } from '../api-types.js';
import { describedBy, Field } from '../components/field.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { useLoad } from '../use-load.js';

/** The expert's profile: what they help with, where, from which organisation — shown to their workshops' participants. */
export function ExpertProfilePage() {
  const state = useLoad(async () => {
    const [profile, content] = await Promise.all([api<ExpertProfile>('GET', '/me/expert-profile'), questionnaires()]);
    return { profile, content };
  }, []);
  return (
    <Page title={t('profileTitle')}>
      <p>{t('profileIntro')}</p>
      <Loadable state={state}>{({ profile, content }) => <ProfileForm key={profile.version} initial={profile} content={content} />}</Loadable>
    </Page>
  );
}

function ProfileForm({ initial, content }: { initial: ExpertProfile; content: Questionnaires }) {
  const [profile, setProfile] = useState(initial);
  const [indicators, setIndicators] = useState<string[]>(initial.indicators);
  const [territory, setTerritory] = useState(initial.territory ?? '');
  const [organisation, setOrganisation] = useState(initial.organisation ?? '');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const errors = error?.byPath() ?? new Map<string, string>();
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const next = await api<ExpertProfile>('PATCH', '/me/expert-profile', { version: profile.version, indicators, territory: territory.trim() || null, organisation: organisation.trim() || null });
      setProfile(next);
      setError(undefined);
      setSaved(true);
    } catch (err) {
      setSaved(false);
      setError(err as ApiError);
      // Saved elsewhere meanwhile: what is typed stays, and the next save goes over the newer version.
      if ((err as ApiError).status === 409) setProfile(await api<ExpertProfile>('GET', '/me/expert-profile'));
    }
  };
  return (
    <form class="card" onSubmit={(e) => void save(e)} noValidate>
      {error && error.issues.length === 0 ? <ErrorBox error={error} /> : null}
      <Field id="profile-organisation" label={t('profileOrganisation')} error={errors.get('/organisation')}>
        <input id="profile-organisation" value={organisation} maxLength={200} onInput={(e) => setOrganisation(e.currentTarget.value)}
          aria-describedby={describedBy('profile-organisation', { error: errors.get('/organisation') })} />
      </Field>
      <Field id="profile-territory" label={t('profileTerritory')} hint={t('profileTerritoryHint')} error={errors.get('/territory')}>
        <input id="profile-territory" value={territory} maxLength={200} onInput={(e) => setTerritory(e.currentTarget.value)}
          aria-describedby={describedBy('profile-territory', { hint: true, error: errors.get('/territory') })} />
      </Field>
      <IndicatorChoices content={content} legend={t('profileIndicators')} value={indicators} error={errors.get('/indicators')} onChange={setIndicators} />
      <div class="button-row">
        <button type="submit">{t('save')}</button>
        {saved ? <span role="status" class="save-status save-saved">{t('saved')}</span> : null}
      </div>
    </form>
  );
}
