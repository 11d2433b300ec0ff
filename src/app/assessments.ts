import { canReadAssessment, organisationAccess, type Actor } from '../core/access.js';
import { answerChanges, type AnswerChange } from '../core/answer-changes.js';
import { applicability, type Visibility } from '../core/applicability.js';
import { carryOver } from '../core/carry-over.js';
import type { AnswerValue } from '../core/content-model.js';
import { issue, pointer, type Issue } from '../core/issue.js';
import { progressByPillar, type PillarProgress } from '../core/progress.js';
import { score } from '../core/score.js';
import { bilingual } from '../core/text.js';
import { checkAnswerValues, checkProfile, missingAnswerIssue, missingAnswers, validateAnswers } from '../core/validate-answers.js';
import type { Answers, Assessment } from '../store/records.js';
import { isoNow, type AppContext } from './app-context.js';
import { fail, invalid, notFound, ok, type Result } from './app-error.js';
import { getOrganisation, readOnly } from './organisations.js';

export interface AssessmentView extends Assessment {
  progress: PillarProgress[];
  /** Required questions still unanswered (and missing profile fields): what blocks submission. */
  missing: string[];
  /** Whether each question is put to this organisation now, so a form shows only those asked. */
  visibility: Record<string, Visibility>;
  /** The submitted assessment this one started from, and the answers that differ from it. */
  source: { assessmentId: number; number: number; submittedAt: string | null } | null;
  changes: AnswerChange[];
  /** Results it had when it was submitted before being reopened, oldest first. */
  earlierResults: { global: number | null; contentVersion: string; submittedAt: string | null; reopenedAt: string }[];
}

/** An assessment as listed: where it started from, and the results it had before being reopened. */
export type AssessmentSummary = Assessment & Pick<AssessmentView, 'source' | 'earlierResults'>;

async function sourceOf(ctx: AppContext, a: Assessment): Promise<Assessment | undefined> {
  return a.sourceId === null ? undefined : ctx.store.assessments.get(a.sourceId);
}

async function summaryOf(ctx: AppContext, a: Assessment, source?: Assessment): Promise<AssessmentSummary> {
  source ??= await sourceOf(ctx, a);
  return {
    ...a,
    source: source ? { assessmentId: source.id, number: source.number, submittedAt: source.submittedAt } : null,
    earlierResults: (await ctx.store.assessments.earlierResults(a.id)).map((r) => ({ global: r.global, contentVersion: r.contentVersion, submittedAt: r.submittedAt, reopenedAt: r.reopenedAt })),
  };
}

export async function viewOf(ctx: AppContext, a: Assessment): Promise<AssessmentView> {
  const found = applicability(ctx.scorer.index, a.profile, a.answers);
  const missingProfile = [...ctx.scorer.index.profileFields.values()].filter((f) => !f.optional && a.profile[f.id] === undefined).map((f) => `profile.${f.id}`);
  const source = await sourceOf(ctx, a);
  return {
    ...(await summaryOf(ctx, a, source)),
    progress: progressByPillar(ctx.scorer.index, found),
    missing: [...missingProfile, ...missingAnswers(ctx.scorer.index, found.status)],
    visibility: Object.fromEntries(found.visibility),
    changes: source ? answerChanges(ctx.scorer.index, source, a) : [],
  };
}

/** An assessment the actor may read (experts: submitted ones only), or "not found". */
export async function readable(ctx: AppContext, actor: Actor, id: number): Promise<Result<{ assessment: Assessment; editable: boolean }>> {
  const assessment = await ctx.store.assessments.get(id);
  const access = assessment ? organisationAccess(actor, assessment.organisationId) : 'none';
  if (!assessment || !canReadAssessment(access, assessment.status)) return notFound('Évaluation', 'Assessment');
  return ok({ assessment, editable: access === 'edit' });
}

/** A draft the actor may change, still at the version their change was based on. */
export async function editableDraft(ctx: AppContext, actor: Actor, id: number, version: number): Promise<Result<Assessment>> {
  const found = await readable(ctx, actor, id);
  if (!found.ok) return found;
  const { assessment, editable } = found.value;
  if (!editable) return readOnly();
  if (assessment.status !== 'draft') return alreadySubmitted(ctx, assessment);
  if (assessment.version !== version) return conflict(ctx, assessment);
  return ok(assessment);
}

export async function getAssessment(ctx: AppContext, actor: Actor, id: number): Promise<Result<AssessmentView>> {
  const found = await readable(ctx, actor, id);
  return found.ok ? ok(await viewOf(ctx, found.value.assessment)) : found;
}

export async function listAssessments(ctx: AppContext, actor: Actor, organisationId: number): Promise<Result<AssessmentSummary[]>> {
  const org = await getOrganisation(ctx, actor, organisationId);
  if (!org.ok) return org;
  const all = await ctx.store.assessments.listByOrganisation(organisationId);
  const summaries: AssessmentSummary[] = [];
  for (const a of all) if (canReadAssessment(org.value.access, a.status)) summaries.push(await summaryOf(ctx, a));
  return ok(summaries);
}

/**
 * Starts a draft, with the organisation's profile as it stands today. When the organisation has a
 * submitted assessment, the draft starts from its answers (those that still fit today's
 * questionnaire), each marked as carried over until it is changed or confirmed.
 */
export async function createAssessment(ctx: AppContext, actor: Actor, organisationId: number): Promise<Result<AssessmentView>> {
  const org = await getOrganisation(ctx, actor, organisationId);
  if (!org.ok) return org;
  if (org.value.access !== 'edit') return readOnly();
  const now = isoNow(ctx);
  const source = await ctx.store.assessments.latestSubmitted(organisationId);
  const carried = source ? carryOver(ctx.scorer.index, org.value.profile, source.answers) : undefined;
  const created = await ctx.store.transaction(async (tx) => {
    const a = await tx.assessments.create({
      organisationId, profile: org.value.profile, createdBy: actor.userId,
      ...(source && carried && { answers: carried.answers, sourceId: source.id, carried: Object.keys(carried.answers) }),
    }, now);
    const detail = source && carried ? { sourceId: source.id, carried: Object.keys(carried.answers).length, dropped: carried.dropped } : {};
    await tx.audit.record({ at: now, userId: actor.userId, organisationId, action: 'create', entity: 'assessment', entityId: a.id, detail });
    return a;
  });
  return ok(await viewOf(ctx, created));
}

export interface AnswersPatch {
  version: number;
  profile?: Record<string, AnswerValue | null>;
  answers?: Record<string, AnswerValue | null>;
}

/**
 * Saves some answers of a draft (null removes one). The save must be based on the current
 * version: otherwise another tab saved first, and the caller gets a conflict with the current
 * state rather than overwriting it. Answers that stop applying because of this save (a question
 * now hidden or excluded) are removed and listed, and kept in the audit log.
 */
export async function saveAnswers(ctx: AppContext, actor: Actor, id: number, patch: AnswersPatch): Promise<Result<AssessmentView & { removed: Answers }>> {
  const found = await editableDraft(ctx, actor, id, patch.version);
  if (!found.ok) return found;
  const assessment = found.value;
  const profile = merge(assessment.profile, patch.profile);
  const merged = merge(assessment.answers, patch.answers);
  const problems: Issue[] = [...checkProfile(ctx.scorer.index, profile, false), ...checkAnswerValues(ctx.scorer.index, merged)];
  if (problems.length > 0) return invalid(problems);
  const { visibility } = applicability(ctx.scorer.index, profile, merged);
  const refused = Object.entries(patch.answers ?? {}).filter(([q, v]) => v !== null && visibility.get(q) !== 'asked');
  if (refused.length > 0) return invalid(refused.map(([q]) => notAsked(q, visibility.get(q))));
  // What this save made inapplicable (a gate answered "no", a profile change) is removed and listed.
  const answers: Answers = {};
  const removed: Answers = {};
  for (const [q, value] of Object.entries(merged)) (visibility.get(q) === 'asked' ? answers : removed)[q] = value;
  // An answer sent again, even unchanged, is confirmed: it is no longer marked as carried over.
  const carried = assessment.carried.filter((q) => q in answers && !(q in (patch.answers ?? {})));
  const now = isoNow(ctx);
  const saved = await ctx.store.transaction(async (tx) => {
    const next = await tx.assessments.saveDraft(id, patch.version, { profile, answers, carried }, now);
    if (next) {
      await tx.audit.record({ at: now, userId: actor.userId, organisationId: assessment.organisationId, action: 'save', entity: 'assessment', entityId: id, detail: { profile: patch.profile ?? {}, answers: patch.answers ?? {}, removed } });
    }
    return next;
  });
  if (!saved) return conflict(ctx, (await ctx.store.assessments.get(id))!);
  return ok({ ...(await viewOf(ctx, saved)), removed });
}

function notAsked(question: string, visibility: string | undefined): Issue {
  return visibility === 'hidden'
    ? issue('question-hidden', pointer('/answers', question), bilingual(
        'Cette question n’est posée qu’après une réponse précédente, qui ne l’appelle pas (encore) : répondez d’abord à celle-ci.',
        'This question is only asked after an earlier answer, which does not call for it (yet): answer that one first.',
      ))
    : issue('question-not-applicable', pointer('/answers', question), bilingual(
        'Cette question ne concerne pas cette organisation.',
        'This question does not apply to this organisation.',
      ));
}

function merge(base: Answers, patch: Record<string, AnswerValue | null> | undefined): Answers {
  const next: Answers = { ...base };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Scores a complete draft and stores the result with its content version. */
/**
 * Submits a draft; `countInComparisons`, the organisation's answer to the question asked at its
 * first submission, is stored with it (and audited) when given.
 */
export async function submitAssessment(ctx: AppContext, actor: Actor, id: number, version: number, countInComparisons?: boolean): Promise<Result<AssessmentView>> {
  const found = await editableDraft(ctx, actor, id, version);
  if (!found.ok) return found;
  const assessment = found.value;
  const doc = { profile: assessment.profile, answers: assessment.answers };
  const { issues, applicability: checked } = validateAnswers(ctx.scorer.index, doc);
  const missing = missingAnswers(ctx.scorer.index, checked.status).map(missingAnswerIssue);
  if (issues.length + missing.length > 0) {
    return fail('invalid', 'incomplete-assessment', bilingual('L’évaluation est incomplète ou contient des erreurs : voir la liste.', 'The assessment is incomplete or has errors: see the list.'), { issues: [...issues, ...missing] });
  }
  const outcome = await score(ctx.scorer, doc);
  if (!outcome.ok) return invalid(outcome.issues);
  const now = isoNow(ctx);
  const submitted = await ctx.store.transaction(async (tx) => {
    const s = await tx.assessments.submit(id, version, outcome.value, actor.userId, now);
    if (s && countInComparisons !== undefined) {
      await tx.organisations.update(assessment.organisationId, { countInComparisons }, now);
      await tx.audit.record({ at: now, userId: actor.userId, organisationId: assessment.organisationId, action: 'update', entity: 'organisation', entityId: assessment.organisationId, detail: { changes: { countInComparisons } } });
    }
    if (s) {
      await tx.audit.record({ at: now, userId: actor.userId, organisationId: assessment.organisationId, action: 'submit', entity: 'assessment', entityId: id, detail: { global: outcome.value.global, contentVersion: outcome.value.contentVersion } });
    }
    return s;
  });
  if (!submitted) return conflict(ctx, (await ctx.store.assessments.get(id))!);
  return ok(await viewOf(ctx, submitted));
}

export async function conflict(ctx: AppContext, current: Assessment) {
  return fail('conflict', 'version-conflict', bilingual(
    'Cette évaluation a été modifiée entre-temps (autre onglet ou autre personne) : rechargez-la, vos réponses non enregistrées sont à ressaisir.',
    'This assessment was changed meanwhile (another tab or person): reload it, then enter your unsaved answers again.',
  ), { current: await viewOf(ctx, current) });
}

export async function alreadySubmitted(ctx: AppContext, current: Assessment) {
  return fail('conflict', 'assessment-submitted', bilingual('Cette évaluation est déjà soumise : rouvrez-la pour la modifier (tant qu’aucun plan qui en découle n’a été soumis à l’expert), ou démarrez-en une nouvelle.', 'This assessment is already submitted: reopen it to change it (while no plan drawn from it has been submitted to the expert), or start a new one.'), { current: await viewOf(ctx, current) });
}
