import { z } from 'zod';
import { component, timestamp } from './components.js';
import { Access } from './account-responses.js';
import { AnswerValue } from './content-responses.js';

export const Organisation = component('Organisation', z.object({
  id: z.number().int(),
  name: z.string(),
  siren: z.string().nullable(),
  profile: z.record(z.string(), AnswerValue),
  createdAt: timestamp,
  countInComparisons: z.boolean().meta({ description: 'Whether it counts in the comparisons shown to organisations like it on this instance (off until asked at its first submission)' }),
  comparisonsAskedAt: timestamp.nullable().meta({ description: 'When that was answered; null: not asked yet' }),
  access: Access.exclude(['none']).meta({ description: 'What the caller may do with it' }),
}));

export const Workshop = component('Workshop', z.object({
  id: z.number().int(),
  eventId: z.number().int().meta({ description: 'The event it belongs to (issue #24): workshops of before each became an event of their own' }),
  title: z.string(),
  expertUserId: z.number().int().nullable().meta({ description: 'Its first expert; see the event for all of them' }),
  date: z.string(),
  place: z.string(),
  pillar: z.string().nullable(),
  organisationIds: z.array(z.number().int()),
  createdAt: timestamp,
}));
