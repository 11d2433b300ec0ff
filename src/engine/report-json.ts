import type { ContentIndex } from '../core/content-index.js';
import type { Question } from '../core/content-model.js';
import { formatAnswer } from '../core/format-answer.js';
import type { ReportDetail } from '../core/report-detail.js';
import type { Lang } from '../core/text.js';
import { topStep, type CriterionScore, type IndicatorScore, type RuleOutcome, type ScoreResult } from '../core/score-result.js';

/**
 * The JSON text of core's `presentReport` (`JSON.stringify(reportAtDetail(presentReport(index,
 * result, lang, organisation), detail))`, byte for byte), written straight from the result: no view object is made, and
 * the content's texts (titles, labels, reasons, ids, the values rules expect) are escaped once per
 * content and kept. Presenting a report and stringifying it was half a `/score` request's time;
 * this takes about a fifth of that. Core's `presentReport` stays the specification, and a
 * differential test holds this to it.
 */
export function reportJson(index: ContentIndex, result: ScoreResult, lang: Lang, organisation?: string, detail: ReportDetail = 'full'): string {
  let writer = writers.get(index);
  if (!writer) writers.set(index, (writer = new ReportWriter(index)));
  return writer.write(result, lang, organisation, detail);
}

const writers = new WeakMap<ContentIndex, ReportWriter>();

// JSON.stringify writes a number that is not finite as null.
const num = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : String(n));

interface Scored {
  id: string;
  pillar: string;
  title: string;
  score: number;
}

class ReportWriter {
  /** The JSON of a content's string or value, made once: content texts are few and the same objects every time. */
  private readonly escaped = new Map<unknown, string>();

  constructor(private readonly index: ContentIndex) {}

  private json(value: unknown): string {
    // A rule's expected list is a new array in every result: only primitives are kept.
    if (typeof value === 'object' && value !== null) return JSON.stringify(value);
    let text = this.escaped.get(value);
    if (text === undefined) this.escaped.set(value, (text = JSON.stringify(value)));
    return text;
  }

  private local(text: { fr: string; en?: string }, lang: Lang): string {
    return this.json((lang === 'en' ? text.en : undefined) ?? text.fr);
  }

  private question(id: string): Question | undefined {
    return this.index.questions.get(id)?.question ?? this.index.profileFields.get(id);
  }

  write(result: ScoreResult, lang: Lang, organisation: string | undefined, detail: ReportDetail): string {
    // A fact has one value in a result, so one answer in words: formatted once per report.
    const answers = new Map<string, string>();
    const scored: Scored[] = [];
    let out = `{"organisation":${organisation === undefined ? 'null' : JSON.stringify(organisation)},"contentVersion":${this.json(result.contentVersion)},"lang":${this.json(lang)},"global":${num(result.global)},"pillars":[`;
    result.pillars.forEach((p, n) => {
      const pillar = this.index.pillars.find((q) => q.id === p.id)!;
      out += `${n ? ',' : ''}{"id":${this.json(p.id)},"title":${this.local(pillar.title, lang)},"score":${num(p.score)},"weight":${num(p.weight)},"indicators":[`;
      p.indicators.forEach((i, m) => {
        const title = this.local(this.index.indicators.get(i.id)!.indicator.title, lang);
        if (i.score !== null) scored.push({ id: i.id, pillar: p.id, title, score: i.score });
        out += `${m ? ',' : ''}${this.indicator(i, title, lang, answers, detail)}`;
      });
      out += ']}';
    });
    const list = (items: Scored[]) => items.map((s) => `{"id":${this.json(s.id)},"pillar":${this.json(s.pillar)},"title":${s.title},"score":${num(s.score)}}`).join(',');
    const weakest = [...scored].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
    const strongest = [...scored].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    const unanswered = result.unanswered.map((id) => {
      const entry = this.index.questions.get(id)!;
      return `{"id":${this.json(id)},"pillar":${this.json(entry.pillar)},"indicator":${this.json(entry.indicator)},"label":${this.local(entry.question.label, lang)}}`;
    });
    return `${out}],"weakest":[${list(weakest)}],"strongest":[${list(strongest)}],"unanswered":[${unanswered.join(',')}]}`;
  }

  private indicator(indicator: IndicatorScore, title: string, lang: Lang, answers: Map<string, string>, detail: ReportDetail): string {
    const figures = `{"id":${this.json(indicator.id)},"title":${title},"score":${num(indicator.score)},"weight":${num(indicator.weight)},"points":${num(indicator.points)},"maxPoints":${num(indicator.maxPoints)}`;
    if (detail === 'scores') return `${figures}}`;
    const reasons: string[] = [];
    const strengths: string[] = [];
    const gaps: { criterion: string; reason: string; points: number; max: number }[] = [];
    let criteria = '';
    indicator.criteria.forEach((c, n) => {
      const top = topStep(c.rules);
      const reason = this.reason(c, top, lang);
      if (detail === 'full') criteria += `${n ? ',' : ''}${this.criterion(c, reason, lang, answers)}`;
      if (!c.applicable) return;
      // A reason's JSON is a quoted string: the line "points/max reason" is its text with the figures before it.
      reasons.push(`"${c.points}/${c.max} ${reason.slice(1)}`);
      if (c.points === c.max) strengths.push(reason);
      else if (c.points < c.max) gaps.push({ criterion: c.id, reason: top ? this.local(top.reason, lang) : reason, points: c.points, max: c.max });
    });
    gaps.sort((a, b) => b.max - b.points - (a.max - a.points));
    const gapsJson = gaps.map((g) => `{"criterion":${this.json(g.criterion)},"reason":${g.reason},"points":${num(g.points)},"max":${num(g.max)}}`).join(',');
    const lines = `${figures},"reasons":[${reasons.join(',')}],"strengths":[${strengths.join(',')}],"gaps":[${gapsJson}]`;
    return detail === 'full' ? `${lines},"criteria":[${criteria}]}` : `${lines}}`;
  }

  /** The step reached (the best that fired), or with none the top step: what was missed. */
  private reason(c: CriterionScore, top: RuleOutcome | undefined, lang: Lang): string {
    const best = c.rules.find((r) => r.fired && r.points === c.points) ?? top;
    return best ? this.local(best.reason, lang) : '""';
  }

  private criterion(c: CriterionScore, reason: string, lang: Lang, answers: Map<string, string>): string {
    const counted = c.rules.find((r) => r.fired && r.points === c.points && r.points > 0);
    const read = new Set<string>();
    let questions = '';
    let rules = '';
    c.rules.forEach((r, n) => {
      let conditions = '';
      r.conditions.forEach((k, m) => {
        let answer = answers.get(k.fact);
        if (answer === undefined) answers.set(k.fact, (answer = JSON.stringify(formatAnswer(this.question(k.fact), k.factValue ?? undefined, lang))));
        if (!read.has(k.fact)) {
          read.add(k.fact);
          const q = this.question(k.fact);
          questions += `${read.size > 1 ? ',' : ''}{"id":${this.json(k.fact)},"label":${q ? this.local(q.label, lang) : this.json(k.fact)},"answer":${answer}}`;
        }
        conditions += `${m ? ',' : ''}{"fact":${this.json(k.fact)},"operator":${this.json(k.operator)},"expected":${this.json(k.value)},"answer":${answer},"result":${k.result}}`;
      });
      rules += `${n ? ',' : ''}${this.rule(r, r === counted, lang)}${conditions}]}`;
    });
    return `{"id":${this.json(c.id)},"applicable":${c.applicable},"points":${num(c.points)},"max":${num(c.max)},"reason":${reason},"questions":[${questions}],"rules":[${rules}]}`;
  }

  /** A rule's JSON up to its conditions' opening bracket. */
  private rule(r: RuleOutcome, counted: boolean, lang: Lang): string {
    return `{"name":${this.json(r.name)},"fired":${r.fired},"counted":${counted},"points":${num(r.points)},"reason":${this.local(r.reason, lang)},"conditions":[`;
  }
}
