/**
 * An event as its form holds it (every field a string, lists with stable keys for rendering), and
 * the body the API takes. Numbers are checked here so a typo is said next to its field in words,
 * at the same path the server would use.
 */

export type IntentionKind = 'participants' | 'assessed-before' | 'plans-drafted' | 'plans-approved' | 'actions-done' | 'words';
export const INTENTION_KINDS: IntentionKind[] = ['participants', 'assessed-before', 'plans-drafted', 'plans-approved', 'actions-done', 'words'];

/** `saved`: the stored intention or workshop this one edits (its id and version), absent for a new one. */
export interface Saved { id: number; version: number }
export interface IntentionDraft { key: number; saved?: Saved; kind: IntentionKind; target: string; withinWeeks: string; text: string }
export interface TestimonyDraft { key: number; name: string; sector: string; city: string; title: string; action: string; outcome: string; url: string; publisher: string; date: string }
export interface WorkshopDraft {
  key: number;
  saved?: Saved;
  title: string;
  scope: 'pillar' | 'indicators';
  pillar: string;
  indicators: string[];
  /** One e-mail address a line. */
  experts: string;
  /** The experts as loaded: unchanged, they are not sent again (the API does not tell their addresses). */
  expertsAtLoad?: string;
  /** Who leads it now, by name, while the addresses are unknown. */
  currentExperts?: string[];
  testimonies: string[];
  recorded: TestimonyDraft[];
}
export interface EventDraft { saved?: Saved; title: string; date: string; followUp: string; place: string; partners: string; intentions: IntentionDraft[]; workshops: WorkshopDraft[] }

/** What an intention, workshop or testimony is sent as (the API's event body). */
export interface IntentionBody { kind: IntentionKind; target?: number; withinWeeks?: number; text?: string }
export interface RecordedTestimonyBody {
  organisation: { name: string; sector: string; city?: string };
  title: string; action: string; outcome: string;
  source: { url: string; publisher: string };
  date: string;
}
export interface WorkshopBody { title: string; pillar: string | null; indicators: string[]; experts: string[]; testimonies: string[]; recordedTestimonies: RecordedTestimonyBody[] }
export interface EventBody { title: string; date: string; followUp: string; place: string; partners: string[]; intentions: IntentionBody[]; workshops: WorkshopBody[] }

let nextKey = 1;
export const newKey = () => nextKey++;

export const emptyIntention = (kind: IntentionKind = 'participants'): IntentionDraft => ({ key: newKey(), kind, target: '', withinWeeks: '8', text: '' });
export const emptyTestimony = (): TestimonyDraft => ({ key: newKey(), name: '', sector: '', city: '', title: '', action: '', outcome: '', url: '', publisher: '', date: '' });
export const emptyWorkshop = (): WorkshopDraft => ({ key: newKey(), title: '', scope: 'pillar', pillar: '', indicators: [], experts: '', testimonies: [], recorded: [] });
export const emptyEvent = (): EventDraft => ({ title: '', date: '', followUp: '', place: '', partners: '', intentions: [emptyIntention()], workshops: [emptyWorkshop()] });

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/** The body to send, or the fields whose number is not a whole number (by JSON pointer). */
export function toBody(draft: EventDraft): { body: EventBody; problems: string[] } {
  const problems: string[] = [];
  const number = (text: string, path: string) => {
    const n = whole(text);
    if (n === null) problems.push(path);
    return n ?? 0;
  };
  const intentions = draft.intentions.map((i, n): IntentionBody => {
    if (i.kind === 'words') return { kind: 'words', text: i.text };
    const target = number(i.target, `/intentions/${n}/target`);
    return i.kind === 'plans-approved' ? { kind: i.kind, target, withinWeeks: number(i.withinWeeks, `/intentions/${n}/withinWeeks`) } : { kind: i.kind, target };
  });
  const workshops = draft.workshops.map((w): WorkshopBody => ({
    title: w.title,
    pillar: w.scope === 'pillar' ? w.pillar || null : null,
    indicators: w.scope === 'indicators' ? w.indicators : [],
    experts: lines(w.experts),
    testimonies: w.testimonies,
    recordedTestimonies: w.recorded.map((r) => ({
      organisation: { name: r.name, sector: r.sector, ...(r.city.trim() ? { city: r.city } : {}) },
      title: r.title, action: r.action, outcome: r.outcome,
      source: { url: r.url.trim(), publisher: r.publisher },
      date: r.date.trim(),
    })),
  }));
  return { body: { title: draft.title, date: draft.date, followUp: draft.followUp, place: draft.place, partners: lines(draft.partners), intentions, workshops }, problems };
}

/** A testimony recorded for the event, as the form holds it. */
export const testimonyDraft = (r: RecordedTestimonyBody): TestimonyDraft => ({
  key: newKey(), name: r.organisation.name, sector: r.organisation.sector, city: r.organisation.city ?? '', title: r.title, action: r.action, outcome: r.outcome,
  url: r.source.url, publisher: r.source.publisher, date: r.date,
});

/** The form for an event the API answered (to edit it, or to start a new one from it). */
export function toDraft(body: EventBody): EventDraft {
  return {
    title: body.title, date: body.date, followUp: body.followUp, place: body.place, partners: body.partners.join('\n'),
    intentions: body.intentions.map((i) => ({ key: newKey(), kind: i.kind, target: i.target === undefined ? '' : String(i.target), withinWeeks: String(i.withinWeeks ?? 8), text: i.text ?? '' })),
    workshops: body.workshops.map((w) => ({
      key: newKey(), title: w.title, scope: w.pillar === null ? 'indicators' : 'pillar', pillar: w.pillar ?? '', indicators: [...w.indicators],
      experts: w.experts.join('\n'), testimonies: [...w.testimonies],
      recorded: w.recordedTestimonies.map(testimonyDraft),
    })),
  };
}
