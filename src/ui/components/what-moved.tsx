import type { Movement } from '../api-types.js';
import { colon, formatDate, formatNumber, listed, quoted, t, tn } from '../i18n.js';
import { href } from '../router.js';
import { signed as signedChange } from '../signed.js';

/** A change with its sign: +3,5, −2 (a real minus sign), or "=" when nothing moved. */
const signed = (delta: number | null) => signedChange(delta, '=');

const score = (n: number | null) => (n === null ? t('notScored') : formatNumber(n));
const deltaClass = (d: number | null) => (d === null || d === 0 ? 'delta-none' : d > 0 ? 'delta-up' : 'delta-down');
/** Evidence notes can be long: a line is enough to recognise them. */
const short = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/**
 * What moved since the previous assessment, and why: the global and pillar scores, then each
 * indicator that moved with the answers that changed and the criteria that gained or lost points.
 */
export function WhatMoved({ movement, assessmentId }: { movement: Movement; assessmentId: number }) {
  const { since } = movement;
  const moved = movement.indicators.filter((i) => i.delta !== 0);
  const unchanged = movement.indicators.filter((i) => i.delta === 0);
  return (
    <section class="what-moved" aria-labelledby="moved-title">
      <h2 id="moved-title">{t('movedTitle', { number: since.number, date: since.submittedAt ? formatDate(since.submittedAt) : '' })}</h2>
      <p>
        {t('globalScore')}{colon()}{score(movement.global.before)} → {score(movement.global.after)}{' '}
        <span class={deltaClass(movement.global.delta)}>({signed(movement.global.delta)})</span>
        {' · '}{tn('answersChangedSince', movement.answersChanged)}
      </p>
      <ul class="pillar-moves">
        {movement.pillars.map((p) => (
          <li key={p.id}>{p.title}{colon()}{score(p.before)} → {score(p.after)} <span class={deltaClass(p.delta)}>({signed(p.delta)})</span></li>
        ))}
      </ul>
      {!movement.sameContent ? <p class="alert alert-warning">{t('movedOtherContent')}</p> : null}
      {moved.length === 0 ? <p>{t('nothingMoved')}</p> : (
        <ul class="moves">
          {moved.map((i) => (
            <li key={i.id} class="card" data-moved={i.id}>
              <h3>
                <span>{i.title}</span>
                <span>{score(i.before)} → {score(i.after)} <span class={deltaClass(i.delta)}>({signed(i.delta)})</span></span>
              </h3>
              {i.answers.length > 0 ? (
                <>
                  <p class="moves-label">{t('movedBecause')}</p>
                  <ul>{i.answers.map((a) => <li key={a.question}>{quoted(a.label)}{colon()}{short(a.before)} → {short(a.after)}</li>)}</ul>
                </>
              ) : <p>{t('movedWithoutAnswers')}</p>}
              {i.criteria.length > 0 ? (
                <>
                  <p class="moves-label">{t('movedPoints')}</p>
                  <ul>{i.criteria.map((c) => <li key={c.id}>{c.reason}{colon()}{t('pointsMove', { before: c.before ?? '–', after: c.after ?? '–', max: c.max })}</li>)}</ul>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {unchanged.length > 0 ? (
        <p class="muted">{t('changedWithoutPoints', { indicators: listed(unchanged.map((i) => i.title)) })}</p>
      ) : null}
      <p><a href={href.compare(assessmentId)}>{t('compareWithPrevious')}</a></p>
    </section>
  );
}
