import { formatDecimal } from '../core/format-answer.js';
import { withFollowUps } from '../core/follow-ups.js';
import { presentSuggestions, type SuggestionView } from '../core/present-suggestions.js';
import { suggestActions } from '../app/suggest-actions.js';
import type { Lang } from '../core/text.js';
import { typeset } from '../core/typography.js';
import { EXIT, type CliIo } from './cli-io.js';
import { fail, readAnswersInput } from './answers-input.js';

export interface SuggestOptions {
  lang: Lang;
  format: 'text' | 'json';
  limit: number;
  content?: string;
}

/** `impact-score suggest FILE`: the actions that would raise the score most for the least effort. */
export async function suggestCommand(file: string, options: SuggestOptions, io: CliIo): Promise<number> {
  const input = readAnswersInput(file, options, io);
  if (typeof input === 'number') return input;
  const { scorer, doc } = input;
  const outcome = await suggestActions(scorer, doc);
  if (!outcome.ok) return fail(io, outcome.issues, options.lang, EXIT.problems, file);
  const listed = await withFollowUps(scorer, doc, outcome.value.suggestions.slice(0, options.limit));
  const views = presentSuggestions(scorer.index, listed, options.lang);
  if (options.format === 'json') {
    io.out(`${JSON.stringify({ contentVersion: scorer.index.content.version, global: outcome.value.result.global, suggestions: views.map(jsonView) }, null, 2)}\n`);
  } else {
    io.out(renderSuggestions(views, outcome.value.result.global, options.lang, doc.organisation?.name));
  }
  return EXIT.ok;
}

function jsonView(v: SuggestionView) {
  return {
    rank: v.rank, actionId: v.actionId, title: v.title, pillar: v.pillar, indicator: v.indicator,
    gains: v.gains, projected: v.projected, effort: v.effort, cost: v.cost, durationMonths: v.durationMonths,
    reason: v.reason, changes: v.changes, testimonies: v.testimonies, firstSteps: v.firstSteps, resources: v.resources,
    followUps: v.followUpViews.map((f) => ({
      actionId: f.actionId, title: f.title, after: f.after, pillar: f.pillar, indicator: f.indicator, gains: f.gains, projected: f.projected,
      effort: f.effort, cost: f.cost, durationMonths: f.durationMonths, changes: f.changes, testimonies: f.testimonies,
    })),
  };
}

function renderSuggestions(views: readonly SuggestionView[], global: number | null, lang: Lang, name?: string): string {
  const fr = lang === 'fr';
  const lines = [
    `${fr ? 'Actions suggérées' : 'Suggested actions'}${name ? ` — ${name}` : ''}`,
    `${fr ? 'Score global actuel' : 'Current global score'}${fr ? ' : ' : ': '}${global === null ? '—' : formatDecimal(global, lang)} / 100`,
    fr ? 'Classées par points gagnés pour l’effort demandé : le gain au score global, divisé par l’effort (faible 1, moyen 2, important 4).' : 'Ranked by points gained for the effort it takes: the gain on the global score, divided by the effort (low 1, medium 2, high 4).',
  ];
  for (const v of views) {
    const plus = (x: number) => `+${formatDecimal(x, lang)}`;
    lines.push('', `${v.rank}. ${v.title}`);
    lines.push(`   ${v.pillarTitle} › ${v.indicatorTitle}`);
    lines.push(`   Gain${fr ? ' : ' : ': '}${plus(v.gains.global)} ${fr ? 'au global' : 'on the global score'}, ${plus(v.gains.pillar)} ${fr ? 'au pilier' : 'on the pillar'}, ${plus(v.gains.indicator)} ${fr ? 'à l’indicateur' : 'on the indicator'} · ${v.effortLabel} · ${v.costLabel} · ${months(v.durationMonths, lang)}`);
    lines.push(`   ${fr ? 'Pourquoi' : 'Why'}${fr ? ' : ' : ': '}${v.reason}`);
    const t = v.testimonyViews[0];
    if (t) lines.push(`   ${fr ? 'Témoignage' : 'Testimony'}${fr ? ' : ' : ': '}${t.organisation.name}${t.organisation.city ? ` (${t.organisation.city})` : ''} — ${t.outcome} [${t.source.url}]`);
    for (const f of v.followUpViews) {
      lines.push(`   ${fr ? 'Ensuite, en s’appuyant sur cette action' : 'Then, building on this action'}${fr ? ' : ' : ': '}${f.title}`);
      lines.push(`      ${fr ? `${plus(f.gains.global)} au global une fois celle-ci faite` : `${plus(f.gains.global)} on the global score once this one is done`} · ${f.effortLabel} · ${f.costLabel} · ${months(f.durationMonths, lang)}`);
    }
  }
  return typeset(`${lines.join('\n')}\n`, lang);
}

const months = (n: number, lang: Lang) => `${n} ${lang === 'fr' ? 'mois' : n === 1 ? 'month' : 'months'}`;
