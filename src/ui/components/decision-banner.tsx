import type { Plan } from '../api-types.js';
import { colon, formatDate, t } from '../i18n.js';

/**
 * The expert's last decision, at the top of the plan for the leader and the expert: what, who,
 * when and why, and whether the plan has changed since (then it waits to be submitted again).
 */
export function DecisionBanner({ plan }: { plan: Plan }) {
  const d = plan.lastDecision;
  if (!d) return null;
  const current = plan.status === (d.decision === 'approve' ? 'approved' : 'changes-requested');
  return (
    <section class={`card decision decision-${d.decision}`} aria-labelledby="decision-title" data-decision={d.decision}>
      <h2 id="decision-title">{t('decisionTitle')}{colon()}{t(`decision_${d.decision}`)}</h2>
      <p class="muted">{t('decisionBy', { name: d.reviewerName ?? '—', date: formatDate(d.at) })}</p>
      {d.comment ? <blockquote class="decision-comment">{d.comment}</blockquote> : null}
      {current ? null : <p class="decision-stale">{t('decisionChangedSince')}</p>}
    </section>
  );
}
