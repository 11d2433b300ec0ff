import type { Plan } from '../api-types.js';

/**
 * Runs a change of the plan and shows its outcome; true when it applied. With `fieldErrors`, the
 * caller shows 400/422 issues next to its own fields, and they are not repeated at the top.
 */
export type Run = (change: () => Promise<Plan>, fieldErrors?: boolean) => Promise<boolean>;
