import type { ExpertProfile } from '../api-types.js';
import { colon, t } from '../i18n.js';

/** An expert as the participants of their workshop see them: who, from where, what they help with. */
export function ExpertCard({ expert, level = 3 }: { expert: ExpertProfile; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <article class="expert-card" data-expert={expert.userId}>
      <Heading>{expert.name}</Heading>
      {expert.organisation || expert.territory ? <p class="muted">{[expert.organisation, expert.territory].filter(Boolean).join(' · ')}</p> : null}
      {expert.indicatorTitles.length > 0 ? <p>{t('expertHelpsWith')}{colon()}{expert.indicatorTitles.join(', ')}</p> : null}
    </article>
  );
}
