import { api, type ApiError } from '../api.js';
import type { PublicPublication, Questionnaires } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { colon, formatDate, formatNumber, t } from '../i18n.js';
import { questionnaires } from '../questionnaires.js';
import { useLoad } from '../use-load.js';
import { optionLabel } from './public-list.js';

const score = (v: number | null) => (v === null ? '–' : formatNumber(v));

/** A published result, for anyone, with no login: the snapshot as it was published; a withdrawn one says so. */
export function PublicResultPage({ slug }: { slug: string }) {
  const state = useLoad(async () => {
    const content = await questionnaires();
    try {
      return { content, publication: await api<PublicPublication>('GET', `/public/publications/${encodeURIComponent(slug)}`) };
    } catch (e) {
      if ((e as ApiError).status === 410) return { content, publication: null };
      throw e;
    }
  }, [slug]);
  return (
    <Loadable state={state}>
      {({ content, publication }) => publication === null
        ? <Page title={t('publicWithdrawnTitle')}><p class="alert">{t('publicWithdrawn')}</p></Page>
        : <PublicResult content={content} publication={publication} />}
    </Loadable>
  );
}

function PublicResult({ content, publication }: { content: Questionnaires; publication: PublicPublication }) {
  const s = publication.snapshot;
  const pillars = new Map(content.pillars.map((p) => [p.id, p]));
  const indicatorTitle = (id: string) => content.pillars.flatMap((p) => p.indicators).find((i) => i.id === id)?.title ?? id;
  return (
    <Page title={s.organisation.name}>
      <p class="muted">
        {[optionLabel(content, 'region', s.organisation.region), optionLabel(content, 'sector', s.organisation.sector)].filter(Boolean).join(' · ')}
        {' · '}{t('publicSubmittedOn', { date: formatDate(s.assessment.submittedAt) })} · {t('publicPublishedOn', { date: formatDate(publication.publishedAt) })} · {t('publicContentVersion', { version: s.contentVersion })}
      </p>
      <div class="card public-scores">
        <p class="public-global"><strong>{t('globalScore')}</strong> <span data-score="global">{score(s.global)}</span> / 100</p>
        {s.pillars.map((p) => (
          <section key={p.id} aria-labelledby={`public-${p.id}`}>
            <h2 id={`public-${p.id}`}>{pillars.get(p.id)?.title ?? p.id}{colon()}<span data-score={p.id}>{score(p.score)}</span></h2>
            <ul>{p.indicators.map((i) => <li key={i.id}>{indicatorTitle(i.id)}{colon()}{score(i.score)}</li>)}</ul>
          </section>
        ))}
      </div>
      {s.headlineActions && s.headlineActions.length > 0 ? (
        <section class="card" aria-labelledby="public-actions">
          <h2 id="public-actions">{t('publicActions')}</h2>
          <ul>{s.headlineActions.map((a, n) => <li key={n}>{a.title ?? a.actionId ?? indicatorTitle(a.indicator)}</li>)}</ul>
          {s.approval ? <p class="muted">{t('publicApproval', { by: s.approval.by, date: formatDate(s.approval.at) })}</p> : null}
        </section>
      ) : null}
      <p class="muted">{t('publicNote')}</p>
    </Page>
  );
}
