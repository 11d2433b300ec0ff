import { ComparisonSetting } from '../components/comparison-setting.js';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Assessment, Me, Organisation, Plan } from '../api-types.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { formatDate, formatNumber, t, tn } from '../i18n.js';
import { href, navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

/** How the reader stands towards an organisation they may change: member, advisor or admin. */
function accessLabel(me: Me, access: Organisation['access']): string {
  if (access !== 'edit') return t('accessReview');
  return me.user.role === 'advisor' ? t('accessAdvisor') : me.user.role === 'admin' ? t('accessAdmin') : t('accessEdit');
}

export function OrganisationsPage() {
  const { me } = useSession();
  const state = useLoad(() => api<Organisation[]>('GET', '/organisations'), []);
  return (
    <Page title={t('organisationsTitle')}>
      <Loadable state={state}>
        {(orgs) => orgs.length === 0 ? <p>{t('noOrganisations')}</p> : (
          <ul class="cards">
            {orgs.map((o) => (
              <li key={o.id} class="card">
                <h2><a href={href.organisation(o.id)}>{o.name}</a></h2>
                <p class="muted">{accessLabel(me, o.access)}</p>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </Page>
  );
}

type Dialog = { kind: 'draft-exists'; draft: Assessment } | { kind: 'delete'; draft: Assessment } | undefined;

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(undefined);

  const create = async () => {
    setBusy(true);
    try {
      const created = await api<Assessment>('POST', `/organisations/${id}/assessments`);
      navigate(href.fill(created.id));
    } catch (e) {
      setError(e as ApiError);
      setBusy(false);
    }
  };
  const remove = async (draft: Assessment) => {
    setBusy(true);
    setDialog(undefined);
    try {
      await api('DELETE', `/assessments/${draft.id}?version=${draft.version}`);
      setError(undefined);
      state.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Loadable state={state}>
      {({ organisation, assessments, plans }) => {
        const editable = organisation.access === 'edit';
        const submitted = assessments.filter((a) => a.status === 'submitted');
        const latest = submitted.at(-1);
        const openDraft = [...assessments].reverse().find((a) => a.status === 'draft');
        const start = () => (openDraft ? setDialog({ kind: 'draft-exists', draft: openDraft }) : void create());
        return (
          <Page title={organisation.name} actions={editable ? <button type="button" onClick={start} disabled={busy}>{t('newAssessment')}</button> : null}>
            {error ? <ErrorBox error={error} /> : null}
            {editable && latest ? <p class="muted">{t('newStartsFrom', { number: latest.number, date: formatDate(latest.submittedAt ?? latest.updatedAt) })}</p> : null}
            <h2>{t('assessmentsTitle')}</h2>
            {assessments.length === 0 ? <p>{t('noAssessments')}</p> : (
              <ul class="list">
                {[...assessments].reverse().map((a) => (
                  <li key={a.id} class="list-row" data-assessment={a.id}>
                    <span>
                      <strong>{t('fillTitle', { number: a.number })}</strong>{' '}
                      <span class={`badge badge-${a.status}`}>{a.status === 'draft' ? t('statusDraft') : t('statusSubmitted')}</span>{' '}
                      <span class="muted">{rowDetail(a)}</span>
                    </span>
                    <span class="row-actions">
                      {a.status === 'draft'
                        ? editable ? <>
                            <a class="button" href={href.fill(a.id)}>{t('continueFilling')}</a>
                            {(a.earlierResults ?? []).length === 0
                              ? <button type="button" class="button-danger" disabled={busy} onClick={() => setDialog({ kind: 'delete', draft: a })} aria-label={t('deleteDraftLabel', { number: a.number })}>{t('deleteDraft')}</button>
                              : null}
                          </> : null
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
                    <span class="muted">{tn('planItems', p.items.length)} · {formatDate(p.updatedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
            {editable ? <ComparisonSetting organisation={organisation} /> : null}
            <ConfirmDialog id="draft-exists" open={dialog?.kind === 'draft-exists'} title={t('draftExistsTitle')} onClose={() => setDialog(undefined)}
              actions={dialog ? <>
                <a class="button" href={href.fill(dialog.draft.id)}>{t('continueDraft', { number: dialog.draft.number })}</a>
                <button type="button" class="button-secondary" onClick={() => { setDialog(undefined); void create(); }}>{t('startAnyway')}</button>
                <button type="button" class="button-secondary" onClick={() => setDialog(undefined)}>{t('cancel')}</button>
              </> : null}>
              {dialog ? <p>{t('draftExistsText', { number: dialog.draft.number, date: formatDate(dialog.draft.createdAt), answers: tn('answersCount', Object.keys(dialog.draft.answers).length) })}</p> : null}
            </ConfirmDialog>
            <ConfirmDialog id="delete-draft" open={dialog?.kind === 'delete'} title={dialog ? t('deleteDraftTitle', { number: dialog.draft.number }) : ''} onClose={() => setDialog(undefined)}
              actions={dialog ? <>
                <button type="button" class="button-danger" onClick={() => void remove(dialog.draft)}>{t('deleteDraftConfirm')}</button>
                {/* Deleting is for good: the focus starts on the way out. */}
                <button type="button" class="button-secondary" data-autofocus onClick={() => setDialog(undefined)}>{t('cancel')}</button>
              </> : null}>
              {dialog ? <p>{t('deleteDraftText', { date: formatDate(dialog.draft.createdAt), answers: tn('answersCount', Object.keys(dialog.draft.answers).length) })}</p> : null}
            </ConfirmDialog>
          </Page>
        );
      }}
    </Loadable>
  );
}

/** The line under an assessment: when, and for a draft how far along and where it started from. */
function rowDetail(a: Assessment): string {
  if (a.status === 'submitted') return t('onDate', { date: formatDate(a.submittedAt ?? a.updatedAt) });
  const earlier = (a.earlierResults ?? []).at(-1);
  const parts = [earlier
    ? t('reopenedOn', { date: formatDate(earlier.reopenedAt), global: earlier.global === null ? '–' : formatNumber(earlier.global) })
    : t('startedOn', { date: formatDate(a.createdAt) })];
  parts.push(tn('answersCount', Object.keys(a.answers).length));
  if (a.source) parts.push(t('fromAssessment', { number: a.source.number }));
  return parts.join(' · ');
}
