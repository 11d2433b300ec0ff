import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import type { Plan } from '../api-types.js';
import { t } from '../i18n.js';
import type { Run } from './plan-run.js';

/**
 * Submitting to the expert. A plan with actions still lacking an owner or a due date gets a
 * warning listing them first; the leader may complete them, or submit anyway.
 */
export function SubmitForReview({ plan, run, onSubmitted }: { plan: Plan; run: Run; onSubmitted: () => void }) {
  const [warning, setWarning] = useState(false);
  useEffect(() => {
    if (warning) document.getElementById('incomplete-title')?.focus();
  }, [warning]);
  const submit = async () => {
    if (await run(() => api<Plan>('POST', `/plans/${plan.id}/submit`, { version: plan.version }))) {
      setWarning(false);
      onSubmitted();
    }
  };
  const completeFirst = () => {
    setWarning(false);
    const first = plan.incomplete[0];
    if (first) document.getElementById(`edit-${first.itemId}`)?.focus();
  };
  return (
    <>
      <p><button type="button" onClick={() => (plan.incomplete.length > 0 ? setWarning(true) : void submit())}>{t('submitForReview')}</button></p>
      {warning ? (
        <section class="alert alert-warning" aria-labelledby="incomplete-title" data-incomplete={plan.incomplete.length}>
          <h2 id="incomplete-title" tabIndex={-1}>{t('incompleteTitle')}</h2>
          <p>{t('incompleteIntro')}</p>
          <ul>
            {plan.incomplete.map((i) => (
              <li key={i.itemId}>{t('incompleteItem', { title: i.title, missing: i.missing.map((m) => t(`missing_${m}`)).join(t('missingAnd')) })}</li>
            ))}
          </ul>
          <div class="button-row">
            <button type="button" onClick={() => void submit()}>{t('submitAnyway')}</button>
            <button type="button" class="button-secondary" onClick={completeFirst}>{t('completeFirst')}</button>
          </div>
        </section>
      ) : null}
    </>
  );
}
