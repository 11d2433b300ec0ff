import { api } from '../api.js';
import type { ReviewQueueEntry } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { colon, formatDate, t } from '../i18n.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

/**
 * The expert's queue: one entry a plan, waiting ones first, each with its organisation, its
 * workshop and its state (submitted on, or decided on). A list rather than a table: a phone
 * reads every part of it.
 */
export function ReviewsPage() {
  const state = useLoad(() => api<ReviewQueueEntry[]>('GET', '/reviews'), []);
  return (
    <Page title={t('reviewsTitle')}>
      <p>{t('reviewsIntro')}</p>
      <Loadable state={state}>
        {(queue) => queue.length === 0 ? <p>{t('noReviews')}</p> : (
          <ul class="list review-queue">
            {queue.map((e) => (
              <li key={e.planId} class="list-row" data-plan={e.planId}>
                <div>
                  <a class="review-plan" href={href.plan(e.planId)}>{e.title}</a>
                  <p class="muted">{e.organisationName} · {t('workshop')}{colon()}{e.workshops.map((w) => `${w.title} (${formatDate(w.date)})`).join(', ')}</p>
                </div>
                <p class="review-state">
                  <span class={`badge badge-${e.status}`}>{t(`planStatus_${e.status}`)}</span>
                  {reviewDate(e) ? <span class="muted"> · {formatDate(reviewDate(e)!)}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </Page>
  );
}

/** The date that goes with the state: of the submission while it waits, of the decision after. */
const reviewDate = (e: ReviewQueueEntry) => (e.status === 'submitted' ? e.submittedAt : e.reviewedAt ?? e.submittedAt);
