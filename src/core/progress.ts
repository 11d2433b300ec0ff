import type { Applicability } from './applicability.js';
import type { ContentIndex } from './content-index.js';

export interface PillarProgress {
  pillar: string;
  /** Required questions put to this organisation that have an answer ("n/a" included). */
  answered: number;
  required: number;
  /** 0–100; 100 when nothing is required. */
  percent: number;
}

/** How complete each pillar is: what a leader sees while filling in an assessment. */
export function progressByPillar(index: ContentIndex, { visibility, status }: Applicability): PillarProgress[] {
  return index.pillars.map((pillar) => {
    let answered = 0;
    let required = 0;
    for (const { question, pillar: p } of index.questions.values()) {
      if (p !== pillar.id || question.optional || question.type === 'text' || visibility.get(question.id) !== 'asked') continue;
      required++;
      if (status.get(question.id) !== 'unanswered') answered++;
    }
    return { pillar: pillar.id, answered, required, percent: required === 0 ? 100 : Math.floor((100 * answered) / required) };
  });
}
