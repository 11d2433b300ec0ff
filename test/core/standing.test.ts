import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.js';
import { indexContent } from '../../src/core/content-index.js';
import { presentStanding } from '../../src/core/present-standing.js';
import { standingOf } from '../../src/core/standing.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
const { content } = loaded.value;
const published = content.published!;
const index = indexContent(content);
const result = { global: 64.2, pillars: [{ id: 'externalities', score: 58.3 }, { id: 'sharing', score: null }, { id: 'strategy', score: 71 }] } as Parameters<typeof standingOf>[1];
const regionOptions = content.profile.questions.find((q) => q.id === 'region')!.options!.map((o) => o.value);
const [shown] = Object.keys(published.regions);
const unshown = regionOptions.find((r) => !(r in published.regions))!;

describe('where a result stands among published scores', () => {
  it('when the organisation’s region has a group, then the result stands among all and among its region, with each group’s count and quartiles', () => {
    const groups = standingOf(published, result, shown);
    expect(groups.map((g) => [g.region, g.count])).toEqual([[null, published.all.count], [shown, published.regions[shown!]!.count]]);
    for (const [g, source] of [[groups[0]!, published.all], [groups[1]!, published.regions[shown!]!]] as const) {
      expect(g.scores.map((s) => s.id)).toEqual(['global', 'externalities', 'sharing', 'strategy']);
      for (const s of g.scores) {
        const at = (level: number) => source.scores[s.id]![source.levels.indexOf(level)];
        expect(s.quartiles).toEqual([at(25), at(50), at(75)]);
        expect(s.whiskers.values).toEqual([at(s.whiskers.levels[0]), at(s.whiskers.levels[1])]);
      }
    }
  });

  it('when the region has no group, or a group under the minimum, or no region is given, then only all organisations are shown', () => {
    expect(standingOf(published, result, unshown).map((g) => g.region)).toEqual([null]);
    expect(standingOf(published, result, undefined).map((g) => g.region)).toEqual([null]);
    const small = { ...published, regions: { [shown!]: { ...published.regions[shown!]!, count: published.minimumGroup - 1 } } };
    expect(standingOf(small, result, shown).map((g) => g.region)).toEqual([null]);
  });

  it('when a pillar does not apply, then it has no rank but the group’s figures are still shown', () => {
    const sharing = standingOf(published, result, shown)[0]!.scores.find((s) => s.id === 'sharing')!;
    expect(sharing.rank).toBeNull();
    const view = presentStanding(index, published, standingOf(published, result, shown), 'fr');
    expect(view.groups[0]!.scores.find((s) => s.id === 'sharing')!.rankText).toBe('non concerné');
  });

  it('when it is worded, then it says among how many organisations, over which years, and that they tend to score higher, in both languages', () => {
    const years = [published.from.slice(0, 4), published.to.slice(0, 4)];
    const fr = presentStanding(index, published, standingOf(published, result, shown), 'fr');
    expect(fr.intro).toBe(`Parmi les ${published.all.count} organisations qui ont publié leur Impact Score entre ${years[0]} et ${years[1]}\u00a0; elles ont tendance à avoir de meilleurs scores.`);
    const en = presentStanding(index, published, standingOf(published, result, shown), 'en');
    expect(en.intro).toBe(`Among the ${published.all.count} organisations that published their Impact Score between ${years[0]} and ${years[1]}; they tend to score higher.`);
    const global = en.groups[0]!.scores[0]!;
    expect(global.rankText).toBe(`higher than ${Math.round(global.rank!.percent)}% of them`);
  });
});
