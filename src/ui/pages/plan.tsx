import { useState } from 'preact/hooks';
import { api, API, ApiError } from '../api.js';
import type { Plan, PlanItem, Questionnaires } from '../api-types.js';
import { DecisionBanner } from '../components/decision-banner.js';
import { describedBy, Field } from '../components/field.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { Comments } from '../components/plan-comments.js';
import { ItemCard, type ItemActions } from '../components/plan-item.js';
import type { Run } from '../components/plan-run.js';
import { ScoreBars } from '../components/score-chart.js';
import { SubmitForReview } from '../components/submit-for-review.js';
import { currentLang, t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { signedPoints } from '../signed.js';
import { useLoad } from '../use-load.js';

export function PlanPage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [plan, content] = await Promise.all([api<Plan>('GET', `/plans/${id}`), questionnaires()]);
    return { plan, content };
  }, [id]);
  return <Loadable state={state}>{({ plan, content }) => <PlanView key={plan.id} initial={plan} content={content} />}</Loadable>;
}

function PlanView({ initial, content }: { initial: Plan; content: Questionnaires }) {
  const { me } = useSession();
  const [plan, setPlan] = useState(initial);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [removed, setRemoved] = useState<PlanItem | undefined>(undefined);
  const [announce, setAnnounce] = useState('');
  const access = me.user.role === 'admin' ? 'edit' : me.organisations.find((o) => o.id === plan.organisationId)?.access ?? 'none';
  const canEdit = access === 'edit';
  const canReview = access === 'review' && me.user.role === 'expert' && plan.status === 'submitted';

  /** Runs a change; a 409 shows the plan as it now is and says why the change did not apply. */
  const run: Run = async (change, fieldErrors = false) => {
    try {
      setPlan(await change());
      setError(undefined);
      setNotice(undefined);
      return true;
    } catch (e) {
      const err = e as ApiError;
      if (err.status === 409 && err.details.current) {
        setPlan(await api<Plan>('GET', `/plans/${plan.id}`));
        setNotice(t('planConflict'));
        setError(undefined);
      } else if (!(fieldErrors && (err.status === 400 || err.status === 422))) {
        setError(err);
      }
      return false;
    }
  };
  const actions: ItemActions = {
    move: (item, delta) => {
      const ids = plan.items.map((i) => i.id);
      const from = ids.indexOf(item.id);
      const to = from + delta;
      if (to < 0 || to >= ids.length) return;
      ids.splice(from, 1);
      ids.splice(to, 0, item.id);
      void run(() => api<Plan>('POST', `/plans/${plan.id}/items/order`, { version: plan.version, itemIds: ids })).then(() => {
        // Keep the focus on the item's arrow; at the top or bottom that arrow is disabled, use the other.
        const same = document.getElementById(`move-${delta < 0 ? 'up' : 'down'}-${item.id}`) as HTMLButtonElement | null;
        (same && !same.disabled ? same : document.getElementById(`move-${delta < 0 ? 'down' : 'up'}-${item.id}`))?.focus();
      });
    },
    // Removed at once, with an undo that puts it back as it was (fields and comments).
    remove: (item) => void run(() => api<Plan>('DELETE', `/plans/${plan.id}/items/${item.id}?version=${plan.version}`)).then((ok) => {
      if (!ok) return;
      setRemoved(item);
      setTimeout(() => document.getElementById('undo-remove')?.focus());
    }),
    progress: (item, status) => void run(() => api<Plan>('PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, status })).then((ok) => {
      if (ok) setAnnounce(t('progressSaved', { title: item.displayTitle, status: t(`itemStatus_${status}`) }));
    }),
  };
  const undo = (item: PlanItem) => void run(() => api<Plan>('POST', `/plans/${plan.id}/items/${item.id}/restore`, { version: plan.version })).then((ok) => {
    if (!ok) return;
    setRemoved(undefined);
    setTimeout(() => document.getElementById(`item-title-${item.id}`)?.focus());
  });
  const projection = plan.projection;
  const pillarTitle = new Map(content.pillars.map((p) => [p.id, p.title]));

  return (
    <Page title={plan.title} actions={<a class="button button-secondary" href={`${API}/plans/${plan.id}/pdf?lang=${currentLang()}`} download>{t('downloadPdf')}</a>}>
      <p>
        <span id="plan-status" tabIndex={-1} class={`badge badge-${plan.status}`} data-plan-status={plan.status}>{t('planStatus', { status: t(`planStatus_${plan.status}`) })}</span>{' '}
        <a href={href.result(plan.assessmentId)}>{t('seeAssessment')}</a>
      </p>
      <p class="sr-only" role="status">{announce}</p>
      {notice ? <p class="alert alert-warning" role="alert">{notice}</p> : null}
      {error ? <ErrorBox error={error} /> : null}
      <DecisionBanner plan={plan} />
      {canEdit ? <RenameForm plan={plan} run={run} /> : null}
      {projection ? (
        <div class="card">
          <ScoreBars caption={t('projectionTitle')} currentLabel={t('current')} projectedLabel={t('projected')}
            bars={[
              { id: 'global', label: t('global'), value: projection.current.global, projected: projection.projected.global },
              ...Object.keys(projection.current.pillars).map((pid) => ({ id: pid, label: pillarTitle.get(pid) ?? pid, value: projection.current.pillars[pid] ?? null, projected: projection.projected.pillars[pid] ?? null })),
            ]} />
          <p class="gain" data-projected-global={projection.projected.global ?? ''}>{t('planGainGlobal', { gain: signedPoints(projection.gains.global) })}</p>
        </div>
      ) : null}
      <h2 id="plan-items" tabIndex={-1}>{t('items')}</h2>
      {canEdit && plan.status !== 'draft' ? <p class="muted">{t('editingSendsBack')} {t('progressKeepsApproval')}</p> : null}
      {removed ? (
        <p class="alert undo-notice" role="status" data-removed={removed.id}>
          {t('itemRemoved', { title: removed.displayTitle })}{' '}
          <button type="button" id="undo-remove" class="button-secondary" onClick={() => undo(removed)}>{t('undoRemove')}</button>
        </p>
      ) : null}
      {plan.items.length === 0 ? <p>{t('noItems')}</p> : (
        <ol class="plan-items">
          {plan.items.map((item, i) => (
            <ItemCard key={item.id} plan={plan} item={item} first={i === 0} last={i === plan.items.length - 1} canEdit={canEdit} run={run} actions={actions} />
          ))}
        </ol>
      )}
      {canEdit ? <AddItemForm plan={plan} content={content} run={run} /> : null}
      {canEdit && (plan.status === 'draft' || plan.status === 'changes-requested') && plan.items.length > 0 ? <SubmitForReview plan={plan} run={run} onSubmitted={focusStatus} /> : null}
      <Comments plan={plan} run={run} />
      {canReview ? <ReviewForm plan={plan} run={run} /> : null}
    </Page>
  );
}

/** After a change of status, the focus goes to the status, which the change just rewrote. */
const focusStatus = () => document.getElementById('plan-status')?.focus();

function RenameForm({ plan, run }: { plan: Plan; run: Run }) {
  const [title, setTitle] = useState(plan.title);
  return (
    <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void run(() => api<Plan>('PATCH', `/plans/${plan.id}`, { version: plan.version, title })); }}>
      <label for="plan-title">{t('planRenamed')}</label>
      <input id="plan-title" value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} />
      <button type="submit" class="button-secondary">{t('rename')}</button>
    </form>
  );
}

function AddItemForm({ plan, content, run }: { plan: Plan; content: Questionnaires; run: Run }) {
  const [title, setTitle] = useState('');
  const [indicator, setIndicator] = useState('');
  const [errors, setErrors] = useState(new Map<string, string>());
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const add = async (e: Event) => {
    e.preventDefault();
    const ok = await run(async () => {
      try {
        return await api<Plan>('POST', `/plans/${plan.id}/items`, { version: plan.version, title: title.trim() || null, indicator: indicator || undefined });
      } catch (err) {
        if (err instanceof ApiError) {
          setErrors(err.byPath());
          setGeneral(err.issues.length === 0 && (err.status === 400 || err.status === 422) ? err.message : undefined);
        }
        throw err;
      }
    }, true);
    if (ok) {
      setTitle('');
      setIndicator('');
      setErrors(new Map());
      setGeneral(undefined);
    }
  };
  return (
    <form class="card item-form" onSubmit={(e) => void add(e)} noValidate>
      <h2>{t('addOwnAction')}</h2>
      {general ? <p class="field-error" role="alert">{general}</p> : null}
      <Field id="new-item-title" label={t('itemTitle')} error={errors.get('/title')}>
        <input id="new-item-title" value={title} maxLength={200} onInput={(e) => setTitle(e.currentTarget.value)} aria-describedby={describedBy('new-item-title', { error: errors.get('/title') })} />
      </Field>
      <Field id="new-item-indicator" label={t('indicator')} error={errors.get('/indicator')}>
        <select id="new-item-indicator" value={indicator} onChange={(e) => setIndicator(e.currentTarget.value)}>
          <option value="">{t('choose')}</option>
          {content.pillars.map((p) => (
            <optgroup key={p.id} label={p.title}>
              {p.indicators.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
            </optgroup>
          ))}
        </select>
      </Field>
      <button type="submit" class="button-secondary">{t('add')}</button>
    </form>
  );
}

function ReviewForm({ plan, run }: { plan: Plan; run: Run }) {
  const [comment, setComment] = useState('');
  const decide = (decision: 'approve' | 'request-changes') =>
    void run(() => api<Plan>('POST', `/plans/${plan.id}/review`, { version: plan.version, decision, ...(comment.trim() ? { comment } : {}) })).then(focusStatus);
  return (
    <section class="card" aria-labelledby="review-title">
      <h2 id="review-title">{t('reviewTitle')}</h2>
      <Field id="review-comment" label={t('reviewComment')}>
        <textarea id="review-comment" rows={3} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </Field>
      <div class="button-row">
        <button type="button" onClick={() => decide('approve')}>{t('approve')}</button>
        <button type="button" class="button-secondary" onClick={() => decide('request-changes')}>{t('requestChanges')}</button>
      </div>
    </section>
  );
}
