import type { PublishedGroup } from '../core/content-model.js';
import { issue, pointer, type Issue } from '../core/issue.js';
import { bilingual } from '../core/text.js';
import type { ContentSet } from './content-set.js';

/** The levels the quartile chart needs in every group. */
const QUARTILES = [25, 50, 75];

/**
 * Meaning of the published scores: every group gives the global and each pillar (and nothing
 * else) at increasing levels that include the quartiles, with quantiles that never decrease; a
 * region is a region of the profile, holds at least `minimumGroup` organisations, and all
 * regions together hold no more than the whole.
 */
export function checkPublishedScores(set: ContentSet): Issue[] {
  if (!set.published) return [];
  const { file, data } = set.published;
  const expected = ['global', ...set.pillars.map((p) => p.data.id)];
  const regions = new Set((set.profile?.data.questions.find((q) => q.id === 'region')?.options ?? []).map((o) => o.value));
  const issues = checkGroup(data.all, '/all', expected, file);
  let total = 0;
  for (const [code, group] of Object.entries(data.regions)) {
    const path = pointer('/regions', code);
    total += group.count;
    if (!regions.has(code)) {
      issues.push(issue('unknown-option', path, bilingual(`« ${code} » n’est pas une région du profil.`, `"${code}" is not a region of the profile.`), file));
    }
    if (group.count < data.minimumGroup) {
      issues.push(issue('group-too-small', `${path}/count`, bilingual(
        `${group.count} organisations : une région n’est montrée qu’à partir de ${data.minimumGroup}.`,
        `${group.count} organisations: a region is shown only from ${data.minimumGroup}.`,
      ), file));
    }
    issues.push(...checkGroup(group, path, expected, file));
  }
  if (total > data.all.count) {
    issues.push(issue('count-too-large', '/regions', bilingual(
      `Les régions comptent ${total} organisations, plus que l’ensemble (${data.all.count}).`,
      `The regions count ${total} organisations, more than the whole (${data.all.count}).`,
    ), file));
  }
  return issues;
}

function checkGroup(group: PublishedGroup, path: string, expected: string[], file: string): Issue[] {
  const issues: Issue[] = [];
  if (!isIncreasing(group.levels, true)) {
    issues.push(issue('quantiles-not-ordered', `${path}/levels`, bilingual('Les niveaux doivent croître.', 'Levels must increase.'), file));
  }
  const missing = QUARTILES.filter((q) => !group.levels.includes(q));
  if (missing.length > 0) {
    issues.push(issue('missing-quartile', `${path}/levels`, bilingual(
      `Il manque les niveaux ${missing.join(', ')} : le graphique montre les quartiles.`,
      `Levels ${missing.join(', ')} are missing: the chart shows the quartiles.`,
    ), file));
  }
  for (const id of expected.filter((e) => !(e in group.scores))) {
    issues.push(issue('missing-score', `${path}/scores`, bilingual(`Il manque « ${id} ».`, `"${id}" is missing.`), file));
  }
  for (const [id, values] of Object.entries(group.scores)) {
    const at = pointer(`${path}/scores`, id);
    if (!expected.includes(id)) {
      issues.push(issue('unknown-pillar', at, bilingual(`« ${id} » n’est ni « global » ni un pilier.`, `"${id}" is neither "global" nor a pillar.`), file));
    } else if (values.length !== group.levels.length) {
      issues.push(issue('quantiles-length', at, bilingual(
        `${values.length} quantiles pour ${group.levels.length} niveaux.`,
        `${values.length} quantiles for ${group.levels.length} levels.`,
      ), file));
    } else if (!isIncreasing(values, false)) {
      issues.push(issue('quantiles-not-ordered', at, bilingual('Les quantiles ne peuvent pas décroître.', 'Quantiles cannot decrease.'), file));
    }
  }
  return issues;
}

function isIncreasing(values: readonly number[], strictly: boolean): boolean {
  return values.every((v, i) => i === 0 || (strictly ? v > values[i - 1]! : v >= values[i - 1]!));
}
