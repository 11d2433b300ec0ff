import type { EventIntention } from './api-types.js';
import { formatNumber, t } from './i18n.js';

/** An intention as the organisers read it: « 20 participants présents le jour J », or its own words. */
export function intentionWords(i: Pick<EventIntention, 'kind' | 'target' | 'withinWeeks' | 'text'>): string {
  if (i.kind === 'words') return i.text ?? '';
  return t(`intentionSentence_${i.kind}`, { target: formatNumber(i.target ?? 0), weeks: formatNumber(i.withinWeeks ?? 0) });
}
