import { api } from '../api.js';
import type { Report } from '../api-types.js';
import { Loadable, Page } from '../components/page.js';
import { ScoreBars, ScoreRing } from '../components/score-chart.js';
import { colon, formatNumber, t } from '../i18n.js';
import { href } from '../router.js';
import { useLoad } from '../use-load.js';

export function ResultPage({ id }: { id: number }) {
  const state = useLoad(() => api<{ report: Report; computedAt: string }>('GET', `/assessments/${id}/result`), [id]);
  return (
    <Loadable state={state}>
      {({ report }) => (
        <Page title={t('resultTitle', { id })} actions={<a class="button" href={href.suggestions(id)}>{t('seeSuggestions')}</a>}>
          <p class="muted">{report.organisation} · {t('contentVersion', { version: report.contentVersion })}</p>
          <div class="result-summary card">
            <ScoreRing score={report.global} label={t('globalScore')} />
            <ScoreBars caption={t('pillarScores')} bars={report.pillars.map((p) => ({ id: p.id, label: `${p.title} (${t('weight', { weight: p.weight })})`, value: p.score }))} />
          </div>
          <p><a href={href.compare(id)}>{t('compareWithPrevious')}</a></p>
          {report.pillars.map((pillar) => (
            <section key={pillar.id} aria-labelledby={`pillar-${pillar.id}`}>
              <h2 id={`pillar-${pillar.id}`}>{t('indicatorsOf', { pillar: pillar.title })}</h2>
              <ul class="indicators">
                {pillar.indicators.map((indicator) => (
                  <li key={indicator.id} class="card indicator-result" data-indicator={indicator.id}>
                    <h3>
                      <span>{indicator.title}</span>
                      <span class="indicator-score">{indicator.score === null ? t('notScored') : t('outOf100', { score: formatNumber(indicator.score) })}</span>
                    </h3>
                    <ul class="reasons">
                      {indicator.reasons.map((reason) => <li key={reason}>{reason}</li>)}
                    </ul>
                    <details>
                      <summary>{t('whyThisScore')}</summary>
                      <ul class="rules">
                        {indicator.criteria.flatMap((c) => c.rules).map((rule) => (
                          <li key={rule.name} class={rule.fired ? 'rule-fired' : 'rule-missed'}>
                            <span aria-hidden="true">{rule.fired ? '✓' : '·'}</span>
                            <span class="sr-only">{rule.fired ? t('ruleFired') : t('ruleMissed')}{colon()}</span>
                            {rule.reason} — {t('rulePoints', { points: rule.points })} <code class="muted">{rule.name}</code>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </Page>
      )}
    </Loadable>
  );
}
