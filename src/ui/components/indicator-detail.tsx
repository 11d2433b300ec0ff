import type { IndicatorReport } from '../api-types.js';
import { colon, listed, quoted, t, tn } from '../i18n.js';

/** An indicator's standing in one line of words: what is earned, or the biggest gaps. */
export function indicatorWhy(indicator: IndicatorReport, focus: 'strength' | 'gap'): string {
  if (indicator.score === null) return t('indicatorNotApplicable');
  if (focus === 'strength' && indicator.strengths.length > 0) return t('indicatorEarned', { what: listed(indicator.strengths.slice(0, 2)) });
  if (indicator.gaps.length === 0) return t('indicatorFull');
  return t('indicatorToGain', { what: listed(indicator.gaps.slice(0, 2).map((g) => tn('gapPoints', g.max - g.points, { reason: g.reason }))) });
}

/**
 * Where an indicator's points come from, criterion by criterion: the questions it reads (their
 * text and the answer given), and its ladder of steps with only the step that counts marked as
 * obtained (a lower step that also fired is not added to it).
 */
export function PointsDetail({ indicator }: { indicator: IndicatorReport }) {
  return (
    <details class="points-detail">
      <summary>{t('whyThisScore')}</summary>
      <ul class="criteria">
        {indicator.criteria.map((c) => (
          <li key={c.id} class={c.applicable ? undefined : 'muted'}>
            <p class="criterion-line">
              <strong>{c.applicable ? t('criterionPoints', { points: c.points, max: c.max }) : t('criterionNotApplicable')}</strong>{colon()}{c.reason}
            </p>
            {c.questions.length > 0 ? (
              <ul class="criterion-questions">
                {c.questions.map((q) => <li key={q.id}>{quoted(q.label)}{colon()}<span class="answer">{q.answer}</span></li>)}
              </ul>
            ) : null}
            {c.rules.length > 1 ? (
              <ol class="ladder" aria-label={t('ladderLabel')}>
                {[...c.rules].sort((a, b) => a.points - b.points).map((rule) => (
                  <li key={rule.name} class={rule.counted ? 'step-counted' : 'step'}>
                    <span aria-hidden="true">{rule.counted ? '✓' : '·'}</span>
                    <span class="sr-only">{rule.counted ? t('ruleFired') : t('ruleMissed')}{colon()}</span>
                    {rule.reason} — {tn('rulePoints', rule.points)}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
