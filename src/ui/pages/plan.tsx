import { useState } from 'preact/hooks';
import { api, API, ApiError } from '../api.js';
import type { Plan, PlanItem, Questionnaires } from '../api-types.js';
import { describedBy, Field } from '../components/field.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { ScoreBars } from '../components/score-chart.js';
import { colon, currentLang, formatDate, formatNumber, t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

const ITEM_STATUSES = ['todo', 'in-progress', 'done', 'dropped'] as const;

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
  const access = me.user.role === 'admin' ? 'edit' : me.organisations.find((o) => o.id === plan.organisationId)?.access ?? 'none';
  const canEdit = access === 'edit';
  const canReview = access === 'review' && me.user.role === 'expert' && plan.status === 'submitted';

  /**
   * Runs a change; a 409 shows the plan as it now is and says why the change did not apply. A form
   * that shows its own field errors says so, and they are not repeated at the top of the page.
   */
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
  const move = (item: PlanItem, delta: number) => {
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
  };
  const projection = plan.projection;
  const pillarTitle = new Map(content.pillars.map((p) => [p.id, p.title]));

  return (
    <Page title={plan.title} actions={<a class="button button-secondary" href={`${API}/plans/${plan.id}/pdf?lang=${currentLang()}`} download>{t('downloadPdf')}</a>}>
      <p>
        <span id="plan-status" tabIndex={-1} class={`badge badge-${plan.status}`} data-plan-status={plan.status}>{t('planStatus', { status: t(`planStatus_${plan.status}`) })}</span>{' '}
        <a href={href.result(plan.assessmentId)}>{t('seeAssessment')}</a>
      </p>
      {notice ? <p class="alert alert-warning" role="alert">{notice}</p> : null}
      {error ? <ErrorBox error={error} /> : null}
      {canEdit ? <RenameForm plan={plan} run={run} /> : null}
      {projection ? (
        <div class="card">
          <ScoreBars caption={t('projectionTitle')} currentLabel={t('current')} projectedLabel={t('projected')}
            bars={[
              { id: 'global', label: t('global'), value: projection.current.global, projected: projection.projected.global },
              ...Object.keys(projection.current.pillars).map((pid) => ({ id: pid, label: pillarTitle.get(pid) ?? pid, value: projection.current.pillars[pid] ?? null, projected: projection.projected.pillars[pid] ?? null })),
            ]} />
          <p class="gain" data-projected-global={projection.projected.global ?? ''}>{t('gainGlobal', { gain: formatNumber(projection.gains.global) })}</p>
        </div>
      ) : null}
      <h2 id="plan-items" tabIndex={-1}>{t('items')}</h2>
      {canEdit && plan.status !== 'draft' ? <p class="muted">{t('editingSendsBack')}</p> : null}
      {plan.items.length === 0 ? <p>{t('noItems')}</p> : (
        <ol class="plan-items">
          {plan.items.map((item, i) => (
            <ItemCard key={item.id} plan={plan} item={item} first={i === 0} last={i === plan.items.length - 1} canEdit={canEdit} run={run} onMove={move} />
          ))}
        </ol>
      )}
      {canEdit ? <AddItemForm plan={plan} content={content} run={run} /> : null}
      {canEdit && (plan.status === 'draft' || plan.status === 'changes-requested') && plan.items.length > 0 ? (
        <p><button type="button" onClick={() => void run(() => api<Plan>('POST', `/plans/${plan.id}/submit`, { version: plan.version })).then(focusStatus)}>{t('submitForReview')}</button></p>
      ) : null}
      <Comments plan={plan} run={run} />
      {canReview ? <ReviewForm plan={plan} run={run} /> : null}
    </Page>
  );
}

type Run = (change: () => Promise<Plan>, fieldErrors?: boolean) => Promise<boolean>;

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

function ItemCard({ plan, item, first, last, canEdit, run, onMove }: { plan: Plan; item: PlanItem; first: boolean; last: boolean; canEdit: boolean; run: Run; onMove: (item: PlanItem, delta: number) => void }) {
  const [editing, setEditing] = useState(false);
  const comments = plan.comments.filter((c) => c.itemId === item.id);
  return (
    <li class="card plan-item" data-item={item.id}>
      <h3>{item.displayTitle}</h3>
      <p class="muted">{item.indicatorTitle} · <span class={`badge badge-item-${item.status}`}>{t(`itemStatus_${item.status}`)}</span></p>
      <dl class="item-fields">
        {item.owner ? <><dt>{t('owner')}</dt><dd>{item.owner}</dd></> : null}
        {item.due ? <><dt>{t('dueShort')}</dt><dd>{item.due}</dd></> : null}
        {item.target ? <><dt>{t('target')}</dt><dd>{item.target}</dd></> : null}
        {item.successIndicator ? <><dt>{t('successIndicator')}</dt><dd>{item.successIndicator}</dd></> : null}
        {item.notes ? <><dt>{t('notes')}</dt><dd>{item.notes}</dd></> : null}
      </dl>
      {comments.length > 0 ? (
        <ul class="comments">{comments.map((c) => <li key={c.id}><strong>{c.authorName}</strong> ({formatDate(c.createdAt)}){colon()}{c.body}</li>)}</ul>
      ) : null}
      {canEdit ? (
        <div class="button-row">
          <button type="button" class="button-secondary" aria-expanded={editing} onClick={() => setEditing(!editing)} aria-label={t('editItem', { title: item.displayTitle })}>{t('edit')}</button>
          <button type="button" id={`move-up-${item.id}`} class="button-secondary" disabled={first} onClick={() => onMove(item, -1)} aria-label={t('moveUp', { title: item.displayTitle })}>↑</button>
          <button type="button" id={`move-down-${item.id}`} class="button-secondary" disabled={last} onClick={() => onMove(item, 1)} aria-label={t('moveDown', { title: item.displayTitle })}>↓</button>
          <button type="button" class="button-danger" aria-label={t('remove', { title: item.displayTitle })}
            onClick={() => void run(() => api<Plan>('DELETE', `/plans/${plan.id}/items/${item.id}?version=${plan.version}`)).then(() => document.getElementById('plan-items')?.focus())}>✕</button>
        </div>
      ) : null}
      {editing ? <ItemForm plan={plan} item={item} run={run} onDone={() => setEditing(false)} /> : null}
      <details class="item-comment" open={!canEdit}>
        <summary>{t('itemComment')}</summary>
        <CommentForm plan={plan} itemId={item.id} label={t('commentOn', { title: item.displayTitle })} run={run} />
      </details>
    </li>
  );
}

function ItemForm({ plan, item, run, onDone }: { plan: Plan; item: PlanItem; run: Run; onDone: () => void }) {
  const [values, setValues] = useState({
    title: item.title ?? item.displayTitle, owner: item.owner ?? '', due: item.due ?? '', status: item.status,
    target: item.target ?? '', successIndicator: item.successIndicator ?? '', notes: item.notes ?? '',
  });
  const [errors, setErrors] = useState(new Map<string, string>());
  const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const body = {
        version: plan.version,
        title: values.title.trim() === item.displayTitle && item.title === null ? null : nullable(values.title),
        owner: nullable(values.owner), due: nullable(values.due), status: values.status,
        target: nullable(values.target), successIndicator: nullable(values.successIndicator), notes: values.notes.trim() === '' ? null : values.notes,
      };
      const ok = await run(async () => {
        try {
          return await api<Plan>('PATCH', `/plans/${plan.id}/items/${item.id}`, body);
        } catch (err) {
          // Field errors stay on this form; anything else goes to the page.
          if (err instanceof ApiError && err.issues.length > 0) setErrors(err.byPath());
          throw err;
        }
      }, true);
      if (ok) onDone();
    } catch {
      // run() reported it.
    }
  };
  const input = (name: keyof typeof values, label: string, props: Record<string, unknown> = {}) => {
    const id = `item-${item.id}-${name}`;
    const error = errors.get(`/${name}`);
    return (
      <Field id={id} label={label} error={error}>
        <input id={id} value={values[name]} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { error })}
          onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })} {...props} />
      </Field>
    );
  };
  const statusId = `item-${item.id}-status`;
  const notesId = `item-${item.id}-notes`;
  return (
    <form class="item-form" onSubmit={(e) => void save(e)} noValidate>
      {input('title', t('itemTitle'), { maxLength: 200 })}
      {input('owner', t('owner'), { maxLength: 120 })}
      {input('due', t('due'), { placeholder: '2027-03', maxLength: 7 })}
      <Field id={statusId} label={t('status')}>
        <select id={statusId} value={values.status} onChange={(e) => setValues({ ...values, status: e.currentTarget.value as PlanItem['status'] })}>
          {ITEM_STATUSES.map((s) => <option key={s} value={s}>{t(`itemStatus_${s}`)}</option>)}
        </select>
      </Field>
      {input('target', t('target'), { maxLength: 500 })}
      {input('successIndicator', t('successIndicator'), { maxLength: 500 })}
      <Field id={notesId} label={t('notes')} error={errors.get('/notes')}>
        <textarea id={notesId} rows={3} value={values.notes} onInput={(e) => setValues({ ...values, notes: e.currentTarget.value })} />
      </Field>
      <div class="button-row">
        <button type="submit">{t('save')}</button>
        <button type="button" class="button-secondary" onClick={onDone}>{t('cancel')}</button>
      </div>
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

function Comments({ plan, run }: { plan: Plan; run: Run }) {
  const general = plan.comments.filter((c) => c.itemId === null);
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments')}</h2>
      {general.length === 0 ? <p class="muted">{t('noComments')}</p> : (
        <ul class="comments">{general.map((c) => <li key={c.id}><strong>{c.authorName}</strong> ({formatDate(c.createdAt)}){colon()}{c.body}</li>)}</ul>
      )}
      <CommentForm plan={plan} label={t('planComment')} run={run} />
    </section>
  );
}

function CommentForm({ plan, itemId, label, run }: { plan: Plan; itemId?: number; label: string; run: Run }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const id = `comment-${itemId ?? 'plan'}`;
  const send = async (e: Event) => {
    e.preventDefault();
    const ok = await run(async () => {
      try {
        return await api<Plan>('POST', `/plans/${plan.id}/comments`, itemId === undefined ? { body } : { itemId, body });
      } catch (err) {
        if (err instanceof ApiError && (err.status === 400 || err.status === 422)) setError(err.byPath().get('/body') ?? err.issues[0]?.message ?? err.message);
        throw err;
      }
    }, true);
    if (ok) {
      setBody('');
      setError(undefined);
    }
  };
  return (
    <form class="comment-form" onSubmit={(e) => void send(e)} noValidate>
      <Field id={id} label={label} error={error}>
        <textarea id={id} rows={2} value={body} maxLength={5000} onInput={(e) => setBody(e.currentTarget.value)} aria-describedby={describedBy(id, { error })} />
      </Field>
      <button type="submit" class="button-secondary">{t('sendComment')}</button>
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
