import type { ContentIndex } from './content-index.js';
import type { Question } from './content-model.js';
import { localize, type Lang } from './text.js';

/** A question in one language; conditions stay as data so a client can evaluate them too. */
function presentQuestion(q: Question, lang: Lang) {
  return {
    id: q.id,
    type: q.type,
    label: localize(q.label, lang),
    help: localize(q.help, lang),
    ...(q.options && { options: q.options.map((o) => ({ value: o.value, label: localize(o.label, lang) })) }),
    ...(q.unit && { unit: localize(q.unit, lang) }),
    ...(q.min !== undefined && { min: q.min }),
    ...(q.max !== undefined && { max: q.max }),
    ...(q.integer !== undefined && { integer: q.integer }),
    notApplicable: q.notApplicable ?? false,
    optional: q.optional ?? q.type === 'text',
    ...(q.appliesTo && { appliesTo: q.appliesTo }),
    ...(q.showIf && { showIf: q.showIf }),
  };
}

/** The profile and the three pillar questionnaires, localised. */
export function presentQuestionnaires(index: ContentIndex, lang: Lang) {
  const { profile } = index.content;
  return {
    contentVersion: index.content.version,
    lang,
    profile: {
      title: localize(profile.title, lang),
      ...(profile.description && { description: localize(profile.description, lang) }),
      questions: profile.questions.map((q) => presentQuestion(q, lang)),
    },
    pillars: index.pillars.map((p) => ({
      id: p.id,
      order: p.order,
      title: localize(p.title, lang),
      ...(p.description && { description: localize(p.description, lang) }),
      weight: index.pillarWeights.get(p.id) ?? 0,
      groups: p.groups.map((g) => ({ id: g.id, title: localize(g.title, lang) })),
      indicators: p.indicators.map((i) => ({
        id: i.id,
        group: i.group,
        title: localize(i.title, lang),
        ...(i.description && { description: localize(i.description, lang) }),
        weight: index.indicators.get(i.id)?.weight ?? 0,
        questions: i.questions.map((q) => presentQuestion(q, lang)),
      })),
    })),
  };
}
