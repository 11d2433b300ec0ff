import { parseDue } from '../core/due-date.js';
import { issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import type { ItemFields, PlanItem } from '../store/plan-records.js';
import type { AppContext } from './app-context.js';
import { fail, invalid, ok, type Result } from './app-error.js';

/** An item as a caller gives it: a suggested action (actionId) or one of the organisation's own (title + indicator). */
export interface ItemInput {
  actionId?: string;
  indicator?: string;
  title?: string | null;
  owner?: string | null;
  due?: string | null;
  status?: PlanItem['status'];
  target?: string | null;
  successIndicator?: string | null;
  notes?: string | null;
}

/** A new item's fields, checked: an existing action or indicator, a title for one's own, a readable due date. */
export function newItemFields(ctx: AppContext, input: ItemInput): Result<ItemFields> {
  const action = input.actionId === undefined ? undefined : ctx.content.actions.find((a) => a.id === input.actionId);
  if (input.actionId !== undefined && !action) {
    return fail('invalid', 'unknown-action', bilingual(`L’action « ${input.actionId} » n’existe pas.`, `Action "${input.actionId}" does not exist.`));
  }
  const indicator = action?.indicator ?? input.indicator;
  if (!indicator || !ctx.scorer.index.indicators.has(indicator)) {
    return fail('invalid', 'unknown-indicator', bilingual('Une action à vous doit viser un indicateur existant (« indicator »).', 'An action of your own must name an existing indicator ("indicator").'));
  }
  if (!action && !input.title) return missingTitle();
  const due = dueInput(input.due);
  if (!due.ok) return due;
  return ok({
    actionId: action?.id ?? null, indicator, title: input.title ?? null, owner: input.owner ?? null, due: due.value ?? null,
    status: input.status ?? 'todo', target: input.target ?? null, successIndicator: input.successIndicator ?? null, notes: input.notes ?? null,
  });
}

export const missingTitle = () => fail('invalid', 'missing-title', bilingual('Une action à vous a besoin d’un intitulé.', 'An action of your own needs a title.'), {
  issues: [issue('missing-title', '/title', bilingual('Donnez un intitulé à cette action.', 'Give this action a title.'))],
});

/** A due date as typed (03/2027, T1 2027…), in its stored form; an unreadable one is refused on its field. */
export function dueInput(due: string | null | undefined): Result<string | null | undefined> {
  if (due === undefined || due === null) return ok(due);
  const parsed = parseDue(due);
  return parsed ? ok(parsed) : invalid([issue('invalid-due', '/due', bilingual(
    `Échéance « ${due} » non reconnue : un mois (mars 2027, 03/2027, 2027-03) ou un trimestre (T1 2027, 2027-T1).`,
    `Due date "${due}" not recognised: a month (March 2027, 03/2027, 2027-03) or a quarter (Q1 2027, 2027-Q1).`,
  ))]);
}

/** A suggested action's title sent back as it is shown (its own, in either language) is no title of one's own. */
export function ownTitle(ctx: AppContext, item: PlanItem, title: string | null): string | null {
  const action = item.actionId === null ? undefined : ctx.content.actions.find((a) => a.id === item.actionId);
  return action && title !== null && item.title === null && (title === action.title.fr || title === action.title.en) ? null : title;
}
