import type { Testimony } from '../api-types.js';
import { t } from '../i18n.js';

/** What a real organisation did, with its source: the evidence behind a suggestion. */
export function TestimonyCard({ testimony, level = 3 }: { testimony: Testimony; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <article class="testimony">
      <Heading>{testimony.organisation.name}{testimony.organisation.city ? ` (${testimony.organisation.city})` : ''} — {testimony.title}</Heading>
      <p>{testimony.action}</p>
      {testimony.outcome ? <p>{testimony.outcome}</p> : null}
      <p class="muted">
        {/^https?:\/\//.test(testimony.source.url)
          ? <a href={testimony.source.url} rel="noopener noreferrer" target="_blank">{t('source', { publisher: testimony.source.publisher })}</a>
          : t('source', { publisher: testimony.source.publisher })}
        {testimony.date ? ` · ${testimony.date}` : ''}
      </p>
    </article>
  );
}
