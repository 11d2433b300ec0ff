import { api } from '../api.js';
import type { ReviewQueueEntry } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { formatDate, t } from '../i18n.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

export function ReviewsPage() {
  const state = useLoad(() => api<ReviewQueueEntry[]>('GET', '/reviews'), []);
  return (
    <Page title={t('reviewsTitle')}>
      <p>{t('reviewsIntro')}</p>
      <Loadable state={state}>
        {(queue) => queue.length === 0 ? <p>{t('noReviews')}</p> : (
          <div class="table-scroll">
            <table>
              <caption class="sr-only">{t('reviewsTitle')}</caption>
              <thead>
                <tr><th scope="col">{t('planTitle')}</th><th scope="col">{t('organisation')}</th><th scope="col">{t('workshop')}</th><th scope="col">{t('planStatusHeading')}</th></tr>
              </thead>
              <tbody>
                {queue.map((e) => (
                  <tr key={e.planId} data-plan={e.planId}>
                    <th scope="row"><a href={href.plan(e.planId)}>{e.title}</a></th>
                    <td>{e.organisationName}</td>
                    <td>{e.workshops.map((w) => `${w.title} (${formatDate(w.date)})`).join(', ')}</td>
                    <td><span class={`badge badge-${e.status}`}>{t(`planStatus_${e.status}`)}</span>{e.submittedAt ? <span class="muted"> · {formatDate(e.submittedAt)}</span> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
    </Page>
  );
}
