import { z } from 'zod';
import { eventInput, intentionInput, recordedTestimony, workshopInput } from '../../core/event-input.js';
import { schemaMessage } from '../../core/zod-issues.js';
import { id, bodyId, profileSchema } from './schemas.js';

/** Request schemas of the event routes; what an organiser writes is core's (shared with the CLI's file). */

export { eventInput, intentionInput, workshopInput };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, schemaMessage({ fr: 'Une date au format AAAA-MM-JJ (2027-03-12).', en: 'A date as YYYY-MM-DD (2027-03-12).' }));
const text = (max: number) => z.string().trim().min(1, schemaMessage({ fr: 'Ce champ est vide.', en: 'This field is empty.' })).max(max);
export const version = z.number().int().positive();

export const eventParams = z.strictObject({ eventId: id });
export const intentionParams = z.strictObject({ eventId: id, intentionId: id });
export const workshopParams = z.strictObject({ eventId: id, workshopId: id });
export const invitationParams = z.strictObject({ eventId: id, invitationId: id });
export const participantParams = z.strictObject({ eventId: id, organisationId: id });
export const versionQuery = z.object({ version: id });

export const eventPatch = z.strictObject({
  version,
  title: text(200).optional(),
  date: day.optional(),
  followUp: day.optional(),
  place: text(200).optional(),
  partners: z.array(text(200)).max(30).optional(),
  improvements: z.string().trim().max(20_000).nullable().optional().meta({ description: 'What to do better next time, written at the follow-up' }),
});

export const nextEventBody = z.strictObject({ title: text(200), date: day, followUp: day, place: text(200) });

export const intentionPatch = z.strictObject({ version, intention: intentionInput });

export const workshopPatch = z.strictObject({
  version,
  title: text(200).optional(),
  pillar: z.string().max(60).nullable().optional(),
  indicators: z.array(z.string().max(60)).max(30).optional(),
  experts: z.array(z.string().trim().toLowerCase().max(254)).max(10).optional().meta({ description: 'The experts’ email addresses' }),
  testimonies: z.array(z.string().max(100)).max(20).optional(),
  recordedTestimonies: z.array(recordedTestimony).max(10).optional(),
  notes: z.string().trim().max(20_000).nullable().optional().meta({ description: 'The compte rendu, after the event (the workshop’s experts may write it too)' }),
});

const code = z.string().trim().min(1, schemaMessage({ fr: 'Saisissez le code d’invitation.', en: 'Enter the invitation code.' })).max(40);

export const previewBody = z.strictObject({ code });
export const joinBody = z.strictObject({ code, organisationId: bodyId, named: z.boolean().optional().meta({ description: 'Agrees to be named in the bilan and shown with its scores in the cohort' }) });
export const signupBody = z.strictObject({
  code,
  name: text(200),
  email: z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, schemaMessage({ fr: 'Une adresse e-mail (nom@exemple.fr).', en: 'An email address (name@example.org).' })).max(254),
  password: z.string().min(10, schemaMessage({ fr: 'Au moins 10 caractères.', en: 'At least 10 characters.' })).max(1024),
  organisation: z.strictObject({ name: text(200), siren: z.string().regex(/^[0-9]{9}$/, schemaMessage({ fr: 'Le SIREN : 9 chiffres.', en: 'The SIREN: 9 digits.' })).nullable().optional(), profile: profileSchema.optional() }),
  named: z.boolean().optional(),
});

export const participantPatch = z.strictObject({
  workshopId: bodyId.nullable().optional().meta({ description: 'Organisers: the workshop assigned (null: none)' }),
  named: z.boolean().optional().meta({ description: 'The organisation’s own members: whether it agrees to be named' }),
});

export const assignmentsBody = z.strictObject({ assignments: z.array(z.strictObject({ organisationId: bodyId, workshopId: bodyId.nullable() })).min(1).max(500) });

export const expertProfileBody = z.strictObject({
  version: z.number().int().min(0).meta({ description: 'The version read; 0 for a first profile' }),
  indicators: z.array(z.string().max(60)).max(30),
  territory: z.string().trim().max(200).nullable(),
  organisation: z.string().trim().max(200).nullable(),
});

export const shareBody = z.strictObject({ version, shared: z.boolean() });
export const organiserBody = z.strictObject({ email: z.string().trim().min(3).max(254) });
export { eventInput as eventBody };
