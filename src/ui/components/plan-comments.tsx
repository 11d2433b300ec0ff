import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Plan } from '../api-types.js';
import { colon, formatDate, t } from '../i18n.js';
import { describedBy, Field } from './field.js';
import type { Run } from './plan-run.js';

/** Comments, oldest first; the one an expert wrote with a decision says so. */
export function CommentList({ comments }: { comments: Plan['comments'] }) {
  return (
    <ul class="comments">
      {comments.map((c) => (
        <li key={c.id} class={c.decision ? 'comment-decision' : undefined} data-decision={c.decision ?? undefined}>
          <strong>{c.authorName}</strong> ({formatDate(c.createdAt)})
          {c.decision ? <> <span class={`badge badge-${c.decision === 'approve' ? 'approved' : 'changes-requested'}`}>{t('decisionMark', { decision: t(`decision_${c.decision}`) })}</span></> : null}
          {colon()}{c.body}
        </li>
      ))}
    </ul>
  );
}

export function Comments({ plan, run }: { plan: Plan; run: Run }) {
  const general = plan.comments.filter((c) => c.itemId === null);
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments')}</h2>
      {general.length === 0 ? <p class="muted">{t('noComments')}</p> : <CommentList comments={general} />}
      <CommentForm plan={plan} label={t('planComment')} run={run} />
    </section>
  );
}

export function CommentForm({ plan, itemId, label, run }: { plan: Plan; itemId?: number; label: string; run: Run }) {
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
