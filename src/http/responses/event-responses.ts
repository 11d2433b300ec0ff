import { z } from 'zod';
import { component, nullableNumber, scoreRecord, timestamp } from './components.js';
import { Suggestion, Testimony } from './suggestion-responses.js';
import { PlanStatus } from './plan-responses.js';

/** Events (issue #24): « De l’Impact Score à l’action », from invitation to the follow-up bilan. */

const day = z.string().meta({ description: 'YYYY-MM-DD' });
const intentionKind = z.enum(['participants', 'assessed-before', 'plans-drafted', 'plans-approved', 'actions-done', 'words']);

export const EventAccess = component('EventAccess', z.enum(['organise', 'lead', 'participate']).meta({
  description: 'organise: the event’s organiser or an admin; lead: an expert of one of its workshops; participate: a member of a participating organisation',
}));

export const EventPhase = component('EventPhase', z.enum(['before', 'after', 'follow-up']).meta({
  description: 'before the day; after it; from the follow-up day on (re-assessment and bilan)',
}));

export const EventIntention = component('EventIntention', z.object({
  id: z.number().int(),
  kind: intentionKind,
  target: z.number().int().nullable(),
  withinWeeks: z.number().int().nullable(),
  text: z.string().nullable(),
  version: z.number().int(),
}));

export const ExpertProfile = component('ExpertProfile', z.object({
  userId: z.number().int(),
  name: z.string(),
  indicators: z.array(z.string()),
  indicatorTitles: z.array(z.string()).meta({ description: 'The indicators they help with, in the reader’s language' }),
  territory: z.string().nullable(),
  organisation: z.string().nullable(),
  version: z.number().int().meta({ description: '0 while the expert has not written a profile' }),
  email: z.string().optional().meta({ description: 'Only for the event’s organisers (the event form names experts by address)' }),
}));

export const RecordedTestimony = component('RecordedTestimony', z.object({
  organisation: z.object({ name: z.string(), sector: z.string(), city: z.string().optional() }),
  title: z.string(),
  action: z.string(),
  outcome: z.string(),
  source: z.object({ url: z.string(), publisher: z.string() }),
  date: z.string(),
}));

export const EventWorkshop = component('EventWorkshop', z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  title: z.string(),
  pillar: z.string().nullable(),
  pillarTitle: z.string().nullable(),
  indicators: z.array(z.string()),
  testimonies: z.array(z.string()).meta({ description: 'Ids of the testimonies from data/ told there' }),
  recordedTestimonies: z.array(RecordedTestimony).meta({ description: 'Testimonies recorded for the event' }),
  testimonyViews: z.array(Testimony).meta({ description: 'Both kinds, in the reader’s language (recorded ones have ids event-{workshop}-{n})' }),
  notes: z.string().nullable().meta({ description: 'The compte rendu, written after the event' }),
  experts: z.array(ExpertProfile),
  participants: z.number().int().meta({ description: 'How many participants are assigned to it' }),
  version: z.number().int(),
}));

export const EventSummary = component('EventSummary', z.object({
  id: z.number().int(),
  title: z.string(),
  date: day,
  followUp: day,
  place: z.string(),
  phase: EventPhase,
  access: EventAccess,
  participants: z.number().int(),
}));

export const Event = component('Event', z.object({
  id: z.number().int(),
  title: z.string(),
  date: day,
  followUp: day,
  place: z.string(),
  partners: z.array(z.string()),
  improvements: z.string().nullable(),
  previous: z.object({ id: z.number().int(), title: z.string(), improvements: z.string().nullable() }).nullable()
    .meta({ description: 'The event this one started from, with its improvements for next time' }),
  organiser: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
  phase: EventPhase,
  access: EventAccess,
  intentions: z.array(EventIntention).meta({ description: 'The organisers’ own: empty for the others' }),
  workshops: z.array(EventWorkshop),
  participants: z.number().int(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
}));

export const EventInvitation = component('EventInvitation', z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
  joined: z.number().int().meta({ description: 'Organisations that joined with it' }),
  version: z.number().int(),
}));

export const NewEventInvitation = component('NewEventInvitation', EventInvitation.extend({
  code: z.string().meta({ description: 'Shown once: only its digest is kept. Give it, or the link, to the invited' }),
  path: z.string().meta({ description: 'The join page in the web interface, e.g. /#/join/{code}' }),
}));

export const InvitationPreview = component('InvitationPreview', z.object({
  eventId: z.number().int(),
  title: z.string(),
  date: day,
  place: z.string(),
  organiser: z.string().nullable(),
  workshops: z.array(z.object({ title: z.string(), pillarTitle: z.string().nullable() })),
  open: z.boolean().meta({ description: 'False once the follow-up day has passed' }),
}));

export const EventJoined = component('EventJoined', z.object({
  eventId: z.number().int(),
  organisationId: z.number().int(),
  joinedAt: timestamp,
  alreadyJoined: z.boolean(),
}));

export const EventSignedUp = component('EventSignedUp', z.object({
  eventId: z.number().int(),
  organisationId: z.number().int(),
  user: z.object({ id: z.number().int(), email: z.string(), name: z.string(), role: z.string(), createdAt: timestamp }),
  expiresAt: timestamp,
  csrfToken: z.string(),
}));

const assessmentState = z.object({
  status: z.enum(['none', 'draft', 'submitted']),
  assessmentId: z.number().int().nullable(),
  submittedAt: timestamp.nullable(),
  beforeEvent: z.boolean().meta({ description: 'Submitted by the event’s day' }),
});

const planState = z.object({
  status: z.union([z.literal('none'), PlanStatus]),
  planId: z.number().int().nullable(),
  shared: z.boolean().meta({ description: 'A draft the leader shared with the workshop’s experts' }),
});

export const EventParticipant = component('EventParticipant', z.object({
  organisationId: z.number().int(),
  name: z.string(),
  joinedAt: timestamp,
  workshopId: z.number().int().nullable(),
  named: z.boolean().meta({ description: 'Agreed to be named in the bilan and shown with its scores in the cohort' }),
  assessment: assessmentState,
  plan: planState,
}));

export const EventParticipants = component('EventParticipants', z.object({
  eventId: z.number().int(),
  joined: z.number().int(),
  submittedBeforeEvent: z.number().int(),
  participants: z.array(EventParticipant),
}));

export const EventCohort = component('EventCohort', z.object({
  eventId: z.number().int(),
  minimumGroup: z.number().int().meta({ description: 'No figure is given about fewer organisations' }),
  assessed: z.number().int(),
  scores: z.array(z.object({
    id: z.string().meta({ description: '"global" or a pillar’s id' }),
    title: z.string(),
    count: z.number().int(),
    quartiles: z.object({ count: z.number().int(), min: z.number(), q1: z.number(), median: z.number(), q3: z.number(), max: z.number() }).nullable(),
  })),
  gaps: z.array(z.object({ indicator: z.string(), indicatorTitle: z.string(), pillar: z.string(), below50: z.number().int(), count: z.number().int(), mean: z.number() })),
  participants: z.array(z.object({
    organisationId: z.number().int(),
    name: z.string(),
    workshopId: z.number().int().nullable(),
    weakestPillar: z.string().nullable(),
    proposedWorkshopId: z.number().int().nullable(),
    scores: z.object({ global: nullableNumber, pillars: scoreRecord }).nullable().meta({ description: 'Only for organisations that agreed to be shown' }),
  })),
}));

export const ExpertWorkshopView = component('ExpertWorkshopView', z.object({
  event: EventSummary,
  workshop: EventWorkshop,
  participants: z.array(z.object({
    organisationId: z.number().int(),
    name: z.string(),
    assessment: assessmentState,
    gaps: z.array(z.object({ indicator: z.string(), indicatorTitle: z.string(), score: nullableNumber })).meta({ description: 'The workshop’s indicators, weakest first' }),
    suggestions: z.array(Suggestion).meta({ description: 'Suggested actions in the workshop’s scope, with their testimonies' }),
    plans: z.array(z.object({ id: z.number().int(), title: z.string(), status: PlanStatus, shared: z.boolean() })).meta({ description: 'Submitted plans, and drafts shared with the experts' }),
  })),
}));

const missingItem = z.object({ code: z.enum(['assessment', 'submit', 'workshop', 'plan', 'submit-plan', 'reassess']), message: z.string() });

export const MyEvent = component('MyEvent', z.object({
  event: Event,
  participations: z.array(z.object({
    organisationId: z.number().int(),
    name: z.string(),
    named: z.boolean(),
    joinedAt: timestamp,
    workshop: EventWorkshop.nullable(),
    assessment: assessmentState,
    plan: planState,
    missing: z.array(missingItem).meta({ description: 'What is still to do, first things first' }),
    reassessment: z.object({
      open: z.boolean().meta({ description: 'From the follow-up day on' }),
      from: day,
      assessmentId: z.number().int().nullable().meta({ description: 'The re-assessment started after the event, if any' }),
      status: z.enum(['none', 'draft', 'submitted']),
    }),
    bilan: z.object({
      before: z.object({ global: nullableNumber, pillars: scoreRecord }).nullable(),
      after: z.object({ global: nullableNumber, pillars: scoreRecord }).nullable(),
      itemsDone: z.number().int(),
      items: z.number().int(),
    }).meta({ description: 'The organisation’s own bilan: its scores before and after, its actions done' }),
  })),
}));

export const EventBilan = component('EventBilan', z.object({
  event: z.object({ id: z.number().int(), title: z.string(), date: day, followUp: day, place: z.string(), partners: z.array(z.string()) }),
  today: day,
  intentions: z.array(z.object({
    id: z.number().int(),
    kind: intentionKind,
    label: z.string().meta({ description: 'The intention in the reader’s language' }),
    target: z.number().int().nullable(),
    achieved: z.number().int().nullable(),
    outcome: z.enum(['met', 'missed', 'pending', 'in-words']),
    deadline: day,
  })),
  counts: z.object({
    participants: z.number().int(), assessedBefore: z.number().int(), plansDrafted: z.number().int(), plansSubmitted: z.number().int(),
    plansApproved: z.number().int(), itemsDone: z.number().int(), items: z.number().int(), reassessed: z.number().int(),
  }),
  changes: z.array(z.object({ id: z.string(), title: z.string(), count: z.number().int(), before: nullableNumber, after: nullableNumber, delta: nullableNumber })),
  participants: z.array(z.object({
    number: z.number().int(),
    name: z.string().meta({ description: 'Their name when they agreed to be named, otherwise « Participant 3 »' }),
    named: z.boolean(),
    workshopTitle: z.string().nullable(),
    assessedBefore: z.boolean(),
    plan: z.enum(['none', 'draft', 'submitted', 'approved']),
    itemsDone: z.number().int(),
    items: z.number().int(),
    reassessed: z.boolean(),
    globalDelta: nullableNumber,
  })),
  workshops: z.array(z.object({ id: z.number().int(), title: z.string(), notes: z.string().nullable() })),
  improvements: z.string().nullable(),
}));

export const EventHistoryEntry = component('EventHistoryEntry', z.object({
  at: timestamp,
  userId: z.number().int().nullable(),
  action: z.string(),
  entity: z.enum(['event', 'intention', 'workshop', 'invitation', 'participant']),
  entityId: z.number().int().nullable(),
  detail: z.record(z.string(), z.unknown()),
}));
