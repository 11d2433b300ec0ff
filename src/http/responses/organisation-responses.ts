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
  access: Access.exclude(['none']).meta({ description: 'What the caller may do with it' }),
}));

export const Workshop = component('Workshop', z.object({
  id: z.number().int(),
  title: z.string(),
  expertUserId: z.number().int(),
  date: z.string(),
  place: z.string(),
  pillar: z.string().nullable(),
  organisationIds: z.array(z.number().int()),
  createdAt: timestamp,
}));
