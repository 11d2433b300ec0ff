import { z } from 'zod';
import { component, nullableNumber, timestamp } from './components.js';

const scores = {
  contentVersion: z.string(),
  global: nullableNumber,
  pillars: z.array(z.object({ id: z.string(), score: nullableNumber, indicators: z.array(z.object({ id: z.string(), score: nullableNumber })) })),
};

export const PublicationSnapshot = component('PublicationSnapshot', z.object({
  organisation: z.object({ name: z.string(), region: z.string().nullable(), sector: z.string().nullable() }),
  assessment: z.object({ number: z.number().int(), submittedAt: timestamp }),
  ...scores,
  headlineActions: z.array(z.object({ actionId: z.string().nullable(), title: z.string().nullable(), indicator: z.string() })).nullable()
    .meta({ description: 'The plan’s headline actions, when the leader chose to show the plan' }),
  approval: z.object({ by: z.string(), at: timestamp }).nullable().meta({ description: 'The expert’s approval of that plan, when shown and given' }),
}));

/** What a member of the organisation sees of its publication. */
export const Publication = component('Publication', z.object({
  slug: z.string().meta({ description: 'The unguessable part of the public address' }),
  path: z.string().meta({ description: 'The public page in the web interface, e.g. /#/public/{slug}' }),
  organisationId: z.number().int(),
  assessmentId: z.number().int(),
  includePlan: z.boolean(),
  publishedAt: timestamp,
  publishedBy: z.number().int().nullable().meta({ description: 'The user who published it (last)' }),
  unpublishedAt: timestamp.nullable().meta({ description: 'Set once unpublished: the address then answers 410' }),
  snapshot: PublicationSnapshot,
}));

/** A published result as anyone may read it: no ids of the organisation, its members or the assessment. */
export const PublicPublication = component('PublicPublication', z.object({
  slug: z.string(),
  publishedAt: timestamp,
  snapshot: PublicationSnapshot,
}));

export const PublicPublications = component('PublicPublications', z.object({
  publications: z.array(PublicPublication),
}));

export const OpenData = component('OpenData', z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).meta({ description: 'One row per published result, with its content_version' }),
}));
