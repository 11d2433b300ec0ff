import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import type { Organisation, Publication } from '../api-types.js';
import { formatDate, t } from '../i18n.js';
import { href } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { ErrorBox } from './page.js';

/** Publish this result at a public address (or again, or withdraw it): the organisation's leaders and admins only. */
export function PublishControl({ organisation, assessmentId }: { organisation: Organisation; assessmentId: number }) {
  const { me } = useSession();
  const state = useLoad(async () => {
    try {
      return await api<Publication>('GET', `/organisations/${organisation.id}/publication`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, [organisation.id]);
  const [includePlan, setIncludePlan] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const mayPublish = organisation.access === 'edit' && (me.user.role === 'leader' || me.user.role === 'admin');
  if (!mayPublish || state.data === undefined) return null;
  const current = state.data && state.data.unpublishedAt === null ? state.data : null;
  const act = async (method: 'POST' | 'DELETE') => {
    try {
      state.setData(await api<Publication>(method, `/organisations/${organisation.id}/publication`, method === 'POST' ? { assessmentId, includePlan } : undefined));
      setError(undefined);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <section class="card publish" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('publishTitle')}</h2>
      {current ? (
        <p data-published>{t('publishedAt', { date: formatDate(current.publishedAt) })} <a href={href.publicResult(current.slug)}>{t('publicAddress')}</a>
          {current.assessmentId !== assessmentId ? ` ${t('publishedOther')}` : ''}</p>
      ) : <p>{t('publishIntro')}</p>}
      <p><label><input type="checkbox" checked={includePlan} onChange={(e) => setIncludePlan((e.target as HTMLInputElement).checked)} /> {t('publishIncludePlan')}</label></p>
      <p class="actions">
        <button type="button" onClick={() => void act('POST')}>{current ? t('republish') : t('publish')}</button>
        {current ? <button type="button" class="button-secondary" onClick={() => void act('DELETE')}>{t('unpublish')}</button> : null}
      </p>
      {error ? <ErrorBox error={error} /> : null}
    </section>
  );
}
