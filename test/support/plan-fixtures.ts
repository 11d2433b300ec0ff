import { expect } from 'vitest';
import { examples, type Harness, type Who } from '../http/harness.js';

/** An assessment filled in from a golden example and submitted, through the API. */
export async function submittedAssessment(h: Harness, who: Who, organisationId: number, example = 'insertion-esus'): Promise<number> {
  const created = await h.call(who, 'POST', `/organisations/${organisationId}/assessments`);
  expect(created.status).toBe(201);
  const patched = await h.call(who, 'PATCH', `/assessments/${created.body.id}`, { version: created.body.version, answers: examples.get(example)!.answers });
  expect(patched.status).toBe(200);
  const submitted = await h.call(who, 'POST', `/assessments/${created.body.id}/submit`, { version: patched.body.version });
  expect(submitted.status).toBe(200);
  return created.body.id as number;
}

/** A plan of the first suggested actions of an assessment, submitted for review. */
export async function submittedPlan(h: Harness, who: Who, assessmentId: number, actions = 2): Promise<{ id: number; items: { id: number; displayTitle: string }[] }> {
  const suggestions = await h.call(who, 'GET', `/assessments/${assessmentId}/suggestions`);
  const actionIds = (suggestions.body.suggestions as { actionId: string }[]).slice(0, actions).map((s) => s.actionId);
  const plan = await h.call(who, 'POST', `/assessments/${assessmentId}/plans`, { actionIds });
  expect(plan.status).toBe(201);
  const submitted = await h.call(who, 'POST', `/plans/${plan.body.id}/submit`, { version: plan.body.version });
  expect(submitted.status).toBe(200);
  return submitted.body;
}
