import { z } from 'zod';
import { bilingual } from './text.js';
import { issue, type Issue } from './issue.js';
import type { ContentIndex } from './content-index.js';
import { schemaMessage } from './zod-issues.js';

/** What an organiser writes to create or change an event: the API's body and the CLI's JSON file. */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, schemaMessage({ fr: 'Une date au format AAAA-MM-JJ (2027-03-12).', en: 'A date as YYYY-MM-DD (2027-03-12).' }))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), schemaMessage({ fr: 'Cette date n’existe pas.', en: 'This date does not exist.' }));
const text = (max: number) => z.string().trim().min(1, schemaMessage({ fr: 'Ce champ est vide.', en: 'This field is empty.' })).max(max);
const target = z.number().int().min(1, schemaMessage({ fr: 'Un objectif d’au moins 1.', en: 'A target of at least 1.' })).max(100_000);
const email = z.string().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, schemaMessage({ fr: 'Une adresse e-mail (nom@exemple.fr).', en: 'An email address (name@example.org).' })).max(254);

export const intentionInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('participants'), target }).meta({ description: 'Participants expected on the day' }),
  z.strictObject({ kind: z.literal('assessed-before'), target }).meta({ description: 'Participants with a submitted assessment by the day' }),
  z.strictObject({ kind: z.literal('plans-drafted'), target }).meta({ description: 'Participants with a plan drafted by the follow-up' }),
  z.strictObject({ kind: z.literal('plans-approved'), target, withinWeeks: z.number().int().min(1).max(104) }).meta({ description: 'Participants with a plan approved within N weeks of the day' }),
  z.strictObject({ kind: z.literal('actions-done'), target }).meta({ description: 'Actions done by the follow-up, all participants together' }),
  z.strictObject({ kind: z.literal('words'), text: text(500) }).meta({ description: 'An intention in words' }),
], { error: schemaMessage({
  fr: 'Type d’intention inconnu : participants, assessed-before, plans-drafted, plans-approved, actions-done ou words.',
  en: 'Unknown kind of intention: participants, assessed-before, plans-drafted, plans-approved, actions-done or words.',
}) });

/** A testimony told at the event, with the fields and source rules of those in data/. */
export const recordedTestimony = z.strictObject({
  organisation: z.strictObject({ name: text(200), sector: z.string().regex(/^[A-U]$/, schemaMessage({ fr: 'La section NAF, une lettre de A à U.', en: 'The NAF section, a letter from A to U.' })), city: text(100).optional() }),
  title: text(200),
  action: text(2000),
  outcome: text(2000),
  source: z.strictObject({
    url: z.string().regex(/^https:\/\/\S+$/, schemaMessage({ fr: 'Une adresse publique en https:// où le témoignage peut être lu.', en: 'A public https:// address where the testimony can be read.' })).max(2000),
    publisher: text(200),
  }),
  date: z.string().regex(/^\d{4}(-\d{2})?$/, schemaMessage({ fr: 'L’année ou le mois de l’action (2025 ou 2025-06).', en: 'The year or month of the action (2025 or 2025-06).' })),
});

export const workshopInput = z.strictObject({
  title: text(200),
  pillar: z.string().max(60).nullable().default(null),
  indicators: z.array(z.string().max(60)).max(30).default([]),
  experts: z.array(email).max(10).default([]),
  testimonies: z.array(z.string().max(100)).max(20).default([]).meta({ description: 'Ids of testimonies in data/' }),
  recordedTestimonies: z.array(recordedTestimony).max(10).default([]),
});

export const eventInput = z.strictObject({
  title: text(200),
  date: day,
  followUp: day,
  place: text(200),
  partners: z.array(text(200)).max(30).default([]),
  intentions: z.array(intentionInput).max(30).default([]),
  workshops: z.array(workshopInput).max(20).default([]),
}).refine((e) => e.followUp > e.date, { path: ['followUp'], message: schemaMessage({ fr: 'Le suivi vient après l’événement.', en: 'The follow-up comes after the event.' }) });

export type EventInput = z.infer<typeof eventInput>;
export type WorkshopInput = z.infer<typeof workshopInput>;
export type RecordedTestimony = z.infer<typeof recordedTestimony>;
export type IntentionInput = z.infer<typeof intentionInput>;

/**
 * What the schema cannot know: that each workshop covers a pillar or indicators of this content,
 * exactly one of the two, and that its testimonies exist.
 */
export function checkEventAgainstContent(input: Pick<EventInput, 'workshops'>, index: ContentIndex): Issue[] {
  const pillars = new Set(index.pillars.map((p) => p.id));
  const testimonies = new Set(index.content.testimonies.map((t) => t.id));
  return input.workshops.flatMap((w, i) => {
    const at = `/workshops/${i}`;
    const found: Issue[] = [];
    if ((w.pillar === null) === (w.indicators.length === 0)) {
      found.push(issue('workshop-scope', at, bilingual('Un atelier porte sur un pilier ou sur des indicateurs : l’un des deux.', 'A workshop covers a pillar or indicators: one of the two.')));
    }
    if (w.pillar !== null && !pillars.has(w.pillar)) found.push(issue('unknown-pillar', `${at}/pillar`, bilingual(`Aucun pilier « ${w.pillar} ».`, `No pillar "${w.pillar}".`)));
    w.indicators.forEach((id, j) => {
      if (!index.indicators.has(id)) found.push(issue('unknown-indicator', `${at}/indicators/${j}`, bilingual(`Aucun indicateur « ${id} ».`, `No indicator "${id}".`)));
    });
    w.testimonies.forEach((id, j) => {
      if (!testimonies.has(id)) found.push(issue('unknown-testimony', `${at}/testimonies/${j}`, bilingual(`Aucun témoignage « ${id} » dans data/.`, `No testimony "${id}" in data/.`)));
    });
    return found;
  });
}
