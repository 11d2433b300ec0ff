import type { EventWorkshop } from '../api-types.js';
import { t } from '../i18n.js';
import { ExpertCard } from './expert-card.js';
import { TestimonyCard } from './testimony.js';

/** Who leads a workshop, as everyone in it sees them. */
export function WorkshopExperts({ workshop }: { workshop: EventWorkshop }) {
  return (
    <section aria-labelledby="experts-title">
      <h2 id="experts-title">{t('workshopExperts')}</h2>
      {workshop.experts.length === 0 ? <p class="muted">{t('noExperts')}</p> : workshop.experts.map((x) => <ExpertCard key={x.userId} expert={x} />)}
    </section>
  );
}

/** The testimonies told in a workshop, from the library and recorded for the event. */
export function WorkshopTestimonies({ workshop }: { workshop: EventWorkshop }) {
  return (
    <section aria-labelledby="told-title">
      <h2 id="told-title">{t('toldThere')}</h2>
      {workshop.testimonyViews.length === 0 ? <p class="muted">{t('noTestimoniesTold')}</p> : workshop.testimonyViews.map((tm) => <TestimonyCard key={tm.id} testimony={tm} />)}
    </section>
  );
}
