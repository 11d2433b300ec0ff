import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Assessment, Organisation, Plan } from '../api-types.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { formatDate, t } from '../i18n.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function OrganisationsPage() {
  const state = useLoad(() => api<Organisation[]>('GET', '/organisations'), []);
  return (
    <Page title={t('organisationsTitle')}>
      <Loadable state={state}>
        {(orgs) => orgs.length === 0 ? <p>{t('noOrganisations')}</p> : (
          <ul class="cards">
            {orgs.map((o) => (
              <li key={o.id} class="card">
                <h2><a href={href.organisation(o.id)}>{o.name}</a></h2>
                <p class="muted">{o.access === 'edit' ? t('accessEdit') : t('accessReview')}</p>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </Page>
  );
}

export function OrganisationPage({ id }: { id: number }) {
  const { me } = useSession();
  const state = useLoad(async () => {
    const [organisation, assessments, plans] = await Promise.all([
      api<Organisation>('GET', `/organisations/${id}`),
      api<Assessment[]>('GET', `/organisations/${id}/assessments`),
      api<Plan[]>('GET', `/organisations/${id}/plans`),
    ]);
    return { organisation, assessments, plans };
  }, [id, me.user.id]);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const start = async () => {
    setCreating(true);
    try {
      const created = await api<Assessment>('POST', `/organisations/${id}/assessments`);
      navigate(href.fill(created.id));
    } catch (e) {
      setError(e as ApiError);
      setCreating(false);
    }
  };

  return (
    <Loadable state={state}>
      {({ organisation, assessments, plans }) => {
        const editable = organisation.access === 'edit';
        const submitted = assessments.filter((a) => a.status === 'submitted');
        return (
          <Page title={organisation.name} actions={editable ? <button type="button" onClick={() => void start()} disabled={creating}>{t('newAssessment')}</button> : null}>
            {error ? <ErrorBox error={error} /> : null}
            <h2>{t('assessmentsTitle')}</h2>
            {assessments.length === 0 ? <p>{t('noAssessments')}</p> : (
              <ul class="list">
                {[...assessments].reverse().map((a) => (
                  <li key={a.id} class="list-row" data-assessment={a.id}>
                    <span>
                      <strong>{t('fillTitle', { id: a.id })}</strong>{' '}
                      <span class={`badge badge-${a.status}`}>{a.status === 'draft' ? t('statusDraft') : t('statusSubmitted')}</span>{' '}
                      <span class="muted">{a.submittedAt ? t('submittedOn', { date: formatDate(a.submittedAt) }) : t('startedOn', { date: formatDate(a.createdAt) })}</span>
                    </span>
                    <span class="row-actions">
                      {a.status === 'draft'
                        ? editable ? <a class="button" href={href.fill(a.id)}>{t('continueFilling')}</a> : null
                        : <>
                            <a href={href.result(a.id)}>{t('seeResult')}</a>
                            <a href={href.suggestions(a.id)}>{t('seeSuggestions')}</a>
                            {submitted.indexOf(a) > 0 ? <a href={href.compare(a.id)}>{t('compareWithPrevious')}</a> : null}
                          </>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <h2>{t('plansTitle')}</h2>
            {plans.length === 0 ? <p>{t('noPlans')}</p> : (
              <ul class="list">
                {plans.map((p) => (
                  <li key={p.id} class="list-row">
                    <span><a href={href.plan(p.id)}>{p.title}</a> <span class={`badge badge-${p.status}`}>{t(`planStatus_${p.status}`)}</span></span>
                    <span class="muted">{t('planItems', { count: p.items.length })} · {formatDate(p.updatedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Page>
        );
      }}
    </Loadable>
  );
}
