import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { ItemStatus, Plan, PlanItem } from '../api-types.js';
import { t } from '../i18n.js';
import { DuePicker } from './due-picker.js';
import { describedBy, Field } from './field.js';
import { ItemStatusControl } from './item-status-control.js';
import { CommentForm, CommentList } from './plan-comments.js';
import type { Run } from './plan-run.js';

export interface ItemActions {
  move: (item: PlanItem, delta: number) => void;
  remove: (item: PlanItem) => void;
  progress: (item: PlanItem, status: ItemStatus) => void;
}

export function ItemCard({ plan, item, first, last, canEdit, run, actions }: { plan: Plan; item: PlanItem; first: boolean; last: boolean; canEdit: boolean; run: Run; actions: ItemActions }) {
  const [editing, setEditing] = useState(false);
  const comments = plan.comments.filter((c) => c.itemId === item.id);
  const close = () => {
    setEditing(false);
    document.getElementById(`edit-${item.id}`)?.focus();
  };
  return (
    <li class="card plan-item" data-item={item.id} data-status={item.status}>
      <h3 id={`item-title-${item.id}`} tabIndex={-1}>{item.displayTitle}</h3>
      <p class="muted">{item.indicatorTitle}{canEdit ? null : <> · <span class={`badge badge-item-${item.status}`}>{t(`itemStatus_${item.status}`)}</span></>}</p>
      {canEdit ? <ItemStatusControl item={item} onPick={(status) => actions.progress(item, status)} /> : null}
      <dl class="item-fields">
        {item.owner ? <div><dt>{t('owner')}</dt><dd>{item.owner}</dd></div> : null}
        {item.dueLabel ? <div><dt>{t('dueShort')}</dt><dd data-due={item.due}>{item.dueLabel}</dd></div> : null}
        {item.target ? <div><dt>{t('target')}</dt><dd>{item.target}</dd></div> : null}
        {item.successIndicator ? <div><dt>{t('successIndicator')}</dt><dd>{item.successIndicator}</dd></div> : null}
        {item.notes ? <div><dt>{t('notes')}</dt><dd>{item.notes}</dd></div> : null}
      </dl>
      {comments.length > 0 ? <CommentList comments={comments} /> : null}
      {canEdit ? (
        <div class="button-row">
          <button type="button" id={`edit-${item.id}`} class="button-secondary" aria-expanded={editing} onClick={() => setEditing(!editing)} aria-label={t('editItem', { title: item.displayTitle })}>{t('edit')}</button>
          <button type="button" id={`move-up-${item.id}`} class="button-secondary" disabled={first} onClick={() => actions.move(item, -1)} aria-label={t('moveUp', { title: item.displayTitle })}>↑</button>
          <button type="button" id={`move-down-${item.id}`} class="button-secondary" disabled={last} onClick={() => actions.move(item, 1)} aria-label={t('moveDown', { title: item.displayTitle })}>↓</button>
          <button type="button" class="button-danger" aria-label={t('remove', { title: item.displayTitle })} onClick={() => actions.remove(item)}>✕</button>
        </div>
      ) : null}
      {editing ? <ItemForm plan={plan} item={item} run={run} onDone={close} /> : null}
      <details class="item-comment" open={!canEdit}>
        <summary>{t('itemComment')}</summary>
        <CommentForm plan={plan} itemId={item.id} label={t('commentOn', { title: item.displayTitle })} run={run} />
      </details>
    </li>
  );
}

type TextField = 'title' | 'owner' | 'target' | 'successIndicator' | 'notes';

/**
 * Edits an item's content and notes. Only what changed is sent: an unchanged field never counts
 * as an edit, so saving notes on an approved plan keeps its approval.
 */
function ItemForm({ plan, item, run, onDone }: { plan: Plan; item: PlanItem; run: Run; onDone: () => void }) {
  const initial: Record<TextField, string> = {
    title: item.title ?? item.displayTitle, owner: item.owner ?? '', target: item.target ?? '', successIndicator: item.successIndicator ?? '', notes: item.notes ?? '',
  };
  const [values, setValues] = useState(initial);
  const [due, setDue] = useState<string | null>(item.due);
  const [errors, setErrors] = useState(new Map<string, string>());
  const changes = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of ['title', 'owner', 'target', 'successIndicator'] as const) {
      if (values[key].trim() !== initial[key].trim()) out[key] = values[key].trim() === '' ? null : values[key].trim();
    }
    if (values.notes !== initial.notes) out.notes = values.notes.trim() === '' ? null : values.notes;
    if (due !== item.due) out.due = due;
    return out;
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const body = changes();
    if (Object.keys(body).length === 0) return onDone();
    const ok = await run(async () => {
      try {
        return await api<Plan>('PATCH', `/plans/${plan.id}/items/${item.id}`, { version: plan.version, ...body });
      } catch (err) {
        // Field errors stay on this form; anything else goes to the page.
        if (err instanceof ApiError && err.issues.length > 0) setErrors(err.byPath());
        throw err;
      }
    }, true);
    if (ok) onDone();
  };
  const input = (name: TextField, label: string, maxLength: number) => {
    const id = `item-${item.id}-${name}`;
    const error = errors.get(`/${name}`);
    return (
      <Field id={id} label={label} error={error}>
        {name === 'notes'
          ? <textarea id={id} rows={3} value={values.notes} maxLength={maxLength} aria-describedby={describedBy(id, { error })} onInput={(e) => setValues({ ...values, notes: e.currentTarget.value })} />
          : <input id={id} value={values[name]} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { error })} onInput={(e) => setValues({ ...values, [name]: e.currentTarget.value })} />}
      </Field>
    );
  };
  return (
    <form class="item-form" onSubmit={(e) => void save(e)} noValidate>
      {plan.status !== 'draft' ? <p class="hint">{t('contentEditHint')}</p> : null}
      {input('title', t('itemTitle'), 200)}
      {input('owner', t('owner'), 120)}
      <DuePicker id={`item-${item.id}-due`} value={due} onChange={setDue} error={errors.get('/due')} />
      {input('target', t('target'), 500)}
      {input('successIndicator', t('successIndicator'), 500)}
      {input('notes', t('notes'), 5000)}
      <div class="button-row">
        <button type="submit">{t('save')}</button>
        <button type="button" class="button-secondary" onClick={onDone}>{t('cancel')}</button>
      </div>
    </form>
  );
}
