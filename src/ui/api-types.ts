import type { components } from './api-schema.js';

/** The shapes the web interface reads from /api/v1, named as the OpenAPI document names them. */
type Shapes = components['schemas'];

export type Role = Shapes['Role'];
export type Access = Shapes['Access'];
export type User = Shapes['User'];
export type Me = Shapes['Me'];

export type AnswerValue = Shapes['AnswerValue'];
export type Question = Shapes['Question'];
export type QuestionType = Question['type'];
export type Indicator = Shapes['Indicator'];
export type Pillar = Shapes['Pillar'];
export type Questionnaires = Shapes['Questionnaires'];

export type Organisation = Shapes['Organisation'];
export type Assessment = Shapes['Assessment'];
export type Visibility = NonNullable<Assessment['visibility']>[string];
export type AnswerChange = Shapes['AnswerChange'];
export type Delta = Shapes['Delta'];
export type Change = Delta;
export type Movement = Shapes['Movement'];
export type AssessmentResult = Shapes['AssessmentResult'];
export type Standing = Shapes['Standing'];
export type Peers = Shapes['Peers'];
export type Publication = Shapes['Publication'];
export type PublicPublication = Shapes['PublicPublication'];
export type PublicPublications = Shapes['PublicPublications'];

export type RuleView = Shapes['RuleView'];
export type IndicatorReport = Shapes['IndicatorReport'];
export type RankedIndicator = Shapes['RankedIndicator'];
export type Report = Shapes['Report'];

export type Testimony = Shapes['Testimony'];
export type Suggestion = Shapes['Suggestion'];
export type FollowUpSuggestion = Shapes['FollowUpSuggestion'];

export type PlanStatus = Shapes['PlanStatus'];
export type ItemStatus = Shapes['ItemStatus'];
export type PlanItem = Shapes['PlanItem'];
export type Scores = Shapes['Scores'];
export type Plan = Shapes['Plan'];
export type ReviewDecision = Shapes['ReviewDecision'];
export type PlanDecision = Shapes['PlanDecision'];
export type ReviewQueueEntry = Shapes['ReviewQueueEntry'];
export type Comparison = Shapes['Comparison'];
export type PlanBilan = Shapes['PlanBilan'];

export type ScoreStats = Shapes['ScoreStats'];
export type Batch = Shapes['Batch'];
export type Portfolio = Shapes['Portfolio'];
export type TestimonyLibrary = Shapes['TestimonyLibrary'];
export type PortfolioComparison = Shapes['PortfolioComparison'];

export type EventSummary = Shapes['EventSummary'];
/** `Event` in the OpenAPI document; named apart from the DOM's Event here. */
export type EventDetail = Shapes['Event'];
export type EventIntention = Shapes['EventIntention'];
export type EventWorkshop = Shapes['EventWorkshop'];
export type ExpertProfile = Shapes['ExpertProfile'];
export type RecordedTestimony = Shapes['RecordedTestimony'];
export type NewEventInvitation = Shapes['NewEventInvitation'];
export type InvitationPreview = Shapes['InvitationPreview'];
export type EventJoined = Shapes['EventJoined'];
export type EventSignedUp = Shapes['EventSignedUp'];
export type EventParticipants = Shapes['EventParticipants'];
export type EventCohort = Shapes['EventCohort'];
export type ExpertWorkshopView = Shapes['ExpertWorkshopView'];
export type MyEvent = Shapes['MyEvent'];
export type EventBilan = Shapes['EventBilan'];
