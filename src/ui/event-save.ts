import { api, ApiError } from './api.js';
import { newKey, testimonyDraft, toBody, type EventDraft, type IntentionBody, type WorkshopBody, type WorkshopDraft } from './event-draft.js';
import type { EventDetail, EventIntention, EventWorkshop } from './api-types.js';

/**
 * Saving an edited event: the API versions the event, each intention and each workshop apart, so
 * the form sends one request per part that changed, in order. A refusal stops there: its issues
 * are placed at the form's paths (/workshops/1/title), and the draft comes back with the ids and
 * versions of what was saved before it, so sending again carries on without duplicating anything.
 */
export class SaveError extends ApiError {
  constructor(cause: ApiError, prefix: string, readonly draft: EventDraft, strip = '') {
    const at = (path: string) => `${prefix}${strip && path.startsWith(strip) ? path.slice(strip.length) : path}`;
    super(cause.status, cause.code, cause.message, cause.issues.map((i) => ({ ...i, path: at(i.path) })), cause.details);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const storedIntention = (i: EventIntention): IntentionBody => ({
  kind: i.kind, ...(i.target !== null && { target: i.target }), ...(i.withinWeeks !== null && { withinWeeks: i.withinWeeks }), ...(i.text !== null && { text: i.text }),
});

export async function saveEvent(original: EventDetail, draft: EventDraft): Promise<void> {
  const { body } = toBody(draft);
  const next: EventDraft = structuredClone(draft);
  const step = async <T>(prefix: string, call: () => Promise<T>, strip = ''): Promise<T> => {
    try {
      return await call();
    } catch (e) {
      throw e instanceof ApiError ? new SaveError(e, prefix, next, strip) : e;
    }
  };
  const base = `/events/${original.id}`;
  const fields = { title: body.title, date: body.date, followUp: body.followUp, place: body.place, partners: body.partners };
  if (!same(fields, { title: original.title, date: original.date, followUp: original.followUp, place: original.place, partners: original.partners })) {
    const updated = await step('', () => api<EventDetail>('PATCH', base, { version: next.saved?.version ?? original.version, ...fields }));
    next.saved = { id: updated.id, version: updated.version };
  }
  // Intentions: removed ones first, then each changed or new one in the form's order.
  const keptIntentions = new Set(next.intentions.flatMap((i) => (i.saved ? [i.saved.id] : [])));
  for (const gone of original.intentions.filter((i) => !keptIntentions.has(i.id))) {
    await step('/intentions', () => api('DELETE', `${base}/intentions/${gone.id}?version=${gone.version}`));
  }
  for (const [n, draftIntention] of next.intentions.entries()) {
    const sent = body.intentions[n]!;
    const stored = original.intentions.find((i) => i.id === draftIntention.saved?.id);
    if (stored && same(storedIntention(stored), sent)) continue;
    const saved = draftIntention.saved
      ? await step(`/intentions/${n}`, () => api<EventIntention>('PATCH', `${base}/intentions/${draftIntention.saved!.id}`, { version: draftIntention.saved!.version, intention: sent }), '/intention')
      : await step(`/intentions/${n}`, () => api<EventIntention>('POST', `${base}/intentions`, sent));
    draftIntention.saved = { id: saved.id, version: saved.version };
  }
  const keptWorkshops = new Set(next.workshops.flatMap((w) => (w.saved ? [w.saved.id] : [])));
  for (const gone of original.workshops.filter((w) => !keptWorkshops.has(w.id))) {
    await step('/workshops', () => api('DELETE', `${base}/workshops/${gone.id}?version=${gone.version}`));
  }
  for (const [n, draftWorkshop] of next.workshops.entries()) {
    const { experts, ...rest } = body.workshops[n]!;
    const sent = draftWorkshop.expertsAtLoad !== undefined && draftWorkshop.experts === draftWorkshop.expertsAtLoad ? rest : { ...rest, experts };
    const stored = original.workshops.find((w) => w.id === draftWorkshop.saved?.id);
    if (stored && same(storedWorkshop(stored), rest) && !('experts' in sent)) continue;
    const saved = draftWorkshop.saved
      ? await step(`/workshops/${n}`, () => api<EventWorkshop>('PATCH', `${base}/workshops/${draftWorkshop.saved!.id}`, { version: draftWorkshop.saved!.version, ...sent }))
      : await step(`/workshops/${n}`, () => api<EventWorkshop>('POST', `${base}/workshops`, sent));
    draftWorkshop.saved = { id: saved.id, version: saved.version };
  }
}

/** A stored workshop as the form would send it (experts apart), to tell whether it changed. */
function storedWorkshop(w: EventWorkshop): Omit<WorkshopBody, 'experts'> {
  return { title: w.title, pillar: w.pillar, indicators: w.pillar === null ? w.indicators : [], testimonies: w.testimonies, recordedTestimonies: w.recordedTestimonies };
}

/** The form for a stored event: each part keeps its id and version. */
export function draftOf(event: EventDetail): EventDraft {
  return {
    saved: { id: event.id, version: event.version },
    title: event.title, date: event.date, followUp: event.followUp, place: event.place, partners: event.partners.join('\n'),
    intentions: event.intentions.map((i) => ({ key: newKey(), saved: { id: i.id, version: i.version }, kind: i.kind, target: i.target === null ? '' : String(i.target), withinWeeks: String(i.withinWeeks ?? 8), text: i.text ?? '' })),
    workshops: event.workshops.map((w) => ({
      key: newKey(), saved: { id: w.id, version: w.version }, title: w.title, scope: w.pillar === null ? 'indicators' : 'pillar', pillar: w.pillar ?? '', indicators: [...w.indicators],
      ...expertsOf(w), testimonies: [...w.testimonies],
      recorded: w.recordedTestimonies.map(testimonyDraft),
    })),
  };
}

/**
 * The experts by address, as the form names them (the API gives organisers their addresses); an
 * expert whose address is not given leaves the field blank with their names beside it: left blank
 * it keeps them, addresses typed replace them. Unchanged, they are not sent again.
 */
function expertsOf(w: EventWorkshop): Pick<WorkshopDraft, 'experts' | 'expertsAtLoad' | 'currentExperts'> {
  if (w.experts.every((x) => x.email)) {
    const emails = w.experts.map((x) => x.email!).join('\n');
    return { experts: emails, expertsAtLoad: emails };
  }
  return { experts: '', expertsAtLoad: '', currentExperts: w.experts.map((x) => x.name) };
}
