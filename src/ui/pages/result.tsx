import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api.js';
import type { Assessment, AssessmentResult, IndicatorReport, Organisation, RankedIndicator, Suggestion } from '../api-types.js';
import { indicatorWhy, PointsDetail } from '../components/indicator-detail.js';
import { ErrorBox, Loadable, Page } from '../components/page.js';
import { ReopenAssessment } from '../components/reopen-assessment.js';
import { ScoreBars, ScoreRing } from '../components/score-chart.js';
import { StandingSection } from '../components/standing-chart.js';
import { PeersSection } from '../components/peers-section.js';
import { PublishControl } from '../components/publish-control.js';
import { WhatMoved } from '../components/what-moved.js';
import { formatDate, formatNumber, t, tn } from '../i18n.js';
import { href, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

/** The result as a scorecard: what the score means, what moved, strengths, priorities, then every indicator. */
export function ResultPage({ id }: { id: number }) {
  const state = useLoad(async () => {
    const [result, assessment, suggestions] = await Promise.all([
      api<AssessmentResult>('GET', `/assessments/${id}/result`),
      api<Assessment>('GET', `/assessments/${id}`),
      api<{ suggestions: Suggestion[] }>('GET', `/assessments/${id}/suggestions?limit=200`),
    ]);
    const organisation = await api<Organisation>('GET', `/organisations/${result.organisationId}`);
    return { result, assessment, organisation, suggestions: suggestions.suggestions };
  }, [id]);
  const [reopenError, setReopenError] = useState<ApiError | undefined>(undefined);
  return (
    <Loadable state={state}>
      {({ result, assessment, organisation, suggestions }) => {
        const { report } = result;
        const indicators = new Map(report.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i] as const)));
        const actionsFor = (indicator: string) => suggestions.filter((s) => s.indicator === indicator);
        const earlier = result.earlierResults.at(-1);
        return (
          <Page title={t('resultTitle', { number: result.number })} actions={<>
            <a class="button" href={href.suggestions(id)}>{t('seeSuggestions')}</a>
            {organisation.access === 'edit' ? <ReopenAssessment assessment={assessment} onReopened={() => navigate(href.fill(id))} onError={setReopenError} /> : null}
          </>}>
            <p class="muted">{report.organisation} · {t('submittedOn', { date: formatDate(result.submittedAt ?? result.computedAt) })}</p>
            {reopenError ? <ErrorBox error={reopenError} /> : null}
            {earlier ? <p class="alert">{t('resubmittedNote', { reopened: formatDate(earlier.reopenedAt), first: earlier.submittedAt ? formatDate(earlier.submittedAt) : '', global: earlier.global === null ? '–' : formatNumber(earlier.global) })}</p> : null}
            <div class="result-summary card">
              <ScoreRing score={report.global} label={t('globalScore')} />
              <ScoreBars caption={t('pillarScores')} bars={report.pillars.map((p) => ({ id: p.id, label: `${p.title} (${t('weight', { weight: p.weight })})`, value: p.score }))} />
              <p class="score-meaning">{t('scoreMeaning', { weights: report.pillars.map((p) => t('percent', { value: p.weight })).join(', ') })}</p>
            </div>
            {result.standing ? <StandingSection standing={result.standing} /> : null}
            {result.peers ? <PeersSection peers={result.peers} /> : null}
            <PublishControl organisation={organisation} assessmentId={id} />
            {result.since ? <WhatMoved movement={result.since} assessmentId={id} /> : null}
            <Highlights title={t('strengthsTitle')} intro={t('strengthsIntro')} ranked={report.strongest.slice(0, 3)} indicators={indicators} focus="strength" />
            <Highlights title={t('prioritiesTitle')} intro={t('prioritiesIntro')} ranked={report.weakest.slice(0, 3)} indicators={indicators} focus="gap"
              actionsFor={actionsFor} assessmentId={id} />
            <h2>{t('allIndicators')}</h2>
            {report.pillars.map((pillar) => (
              <section key={pillar.id} aria-labelledby={`pillar-${pillar.id}`}>
                <h3 id={`pillar-${pillar.id}`}>{t('indicatorsOf', { pillar: pillar.title })}</h3>
                <ul class="indicators">
                  {pillar.indicators.map((indicator) => (
                    <IndicatorRow key={indicator.id} indicator={indicator} actions={actionsFor(indicator.id).length} assessmentId={id} />
                  ))}
                </ul>
              </section>
            ))}
            <details class="technical">
              <summary>{t('technicalDetails')}</summary>
              <p>{t('computedWith', { date: formatDate(result.computedAt), version: report.contentVersion })}</p>
            </details>
          </Page>
        );
      }}
    </Loadable>
  );
}

const scoreText = (score: number | null) => (score === null ? t('notScored') : t('outOf100', { score: formatNumber(score) }));
const suggestionsLink = (assessmentId: number, indicator: string) => `${href.suggestions(assessmentId)}?indicator=${indicator}`;

/** Three indicators with their reason in words; for gaps, the suggested actions that address each. */
function Highlights({ title, intro, ranked, indicators, focus, actionsFor, assessmentId }: {
  title: string;
  intro: string;
  ranked: RankedIndicator[];
  indicators: Map<string, IndicatorReport>;
  focus: 'strength' | 'gap';
  actionsFor?: (indicator: string) => Suggestion[];
  assessmentId?: number;
}) {
  if (ranked.length === 0) return null;
  const slug = focus === 'gap' ? 'priorities' : 'strengths';
  return (
    <section class={`highlights highlights-${slug}`} aria-labelledby={`${slug}-title`}>
      <h2 id={`${slug}-title`}>{title}</h2>
      <p class="muted">{intro}</p>
      <ol class="highlight-list">
        {ranked.map((r) => {
          const indicator = indicators.get(r.id)!;
          const actions = actionsFor?.(r.id) ?? [];
          return (
            <li key={r.id} class="card" data-highlight={r.id}>
              <h3><span>{r.title}</span><span class="indicator-score">{scoreText(r.score)}</span></h3>
              <p>{indicatorWhy(indicator, focus)}</p>
              {focus === 'gap' && assessmentId !== undefined ? (
                actions.length === 0 ? <p class="muted">{t('noActionFor')}</p> : (
                  <>
                    <ul class="gap-actions">
                      {actions.slice(0, 2).map((a) => (
                        <li key={a.actionId}><a href={suggestionsLink(assessmentId, r.id)}>{a.title}</a> <span class="gain">{tn('gainPoints', a.gains.global)}</span></li>
                      ))}
                    </ul>
                    {actions.length > 2 ? <p><a href={suggestionsLink(assessmentId, r.id)}>{tn('allActionsFor', actions.length, { indicator: r.title })}</a></p> : null}
                  </>
                )
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function IndicatorRow({ indicator, actions, assessmentId }: { indicator: IndicatorReport; actions: number; assessmentId: number }) {
  return (
    <li class="card indicator-result" data-indicator={indicator.id}>
      <h4>
        <span>{indicator.title}</span>
        <span class="indicator-score">{scoreText(indicator.score)}</span>
      </h4>
      <p class="indicator-why">{indicatorWhy(indicator, 'gap')}</p>
      <PointsDetail indicator={indicator} />
      {actions > 0 ? <p><a href={suggestionsLink(assessmentId, indicator.id)}>{tn('actionsFor', actions, { indicator: indicator.title })}</a></p> : null}
    </li>
  );
}
