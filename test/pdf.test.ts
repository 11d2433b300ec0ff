import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { draftPlanDocument } from '../src/app/plan-document-data.js';
import { loadContent } from '../src/content/load-content.js';
import { percentileRank } from '../src/core/percentile-rank.js';
import { createScorer } from '../src/core/score.js';
import type { Lang } from '../src/core/text.js';
import type { PlanDocument } from '../src/core/plan-document.js';
import { renderPlanPdf } from '../src/pdf/render-plan-pdf.js';
import { SharedFont } from '../src/pdf/shared-font.js';

const loaded = loadContent();
if (!loaded.ok) throw new Error('content');
const scorer = createScorer(loaded.value.content);
const examples = new Map(loaded.value.examples.map((e) => [e.file.replace(/^.*\/|\.json$/g, ''), e.data]));
const dir = mkdtempSync(join(tmpdir(), 'impact-pdf-'));

async function render(document: PlanDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderPlanPdf(document, out);
  return Buffer.concat(chunks);
}

async function draft(name: string, lang: Lang): Promise<{ document: PlanDocument; pdf: Buffer; file: string }> {
  const built = await draftPlanDocument(scorer, examples.get(name)!, lang, '2026-11-21');
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const pdf = await render(built.value);
  const file = join(dir, `${name}-${lang}.pdf`);
  writeFileSync(file, pdf);
  return { document: built.value, pdf, file };
}

/** The PDF's text, as a reader would copy it (poppler's pdftotext). */
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

describe('the action plan as a PDF', () => {
  it.each([...examples.keys()].sort())('when the draft plan of %s is rendered in French, then every section, score, action and testimony is in the text', async (name) => {
    const { document, file } = await draft(name, 'fr');
    const content = text(file);
    for (const section of ['Synthèse', 'Par pilier', 'Le plan', 'Les actions en détail', 'Calendrier', 'Relecture de l’expert', 'Annexe : questions et réponses']) expect(content).toContain(section);
    expect(content).toContain(document.cover.organisation);
    expect(content).toContain(`Score global ${String(document.summary.global.today).replace('.', ',')}/100`);
    for (const row of document.table.rows) expect(content.replace(/\s+/g, ' ')).toContain(row.cells[0]!.split(/\s/).slice(0, 3).join(' '));
    for (const action of document.actions) if (action.testimony) expect(content.replace(/\s+/g, ' ')).toContain(action.testimony.who);
    const pages = Number(info(file).match(/Pages:\s+(\d+)/)![1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(content).toContain(`page ${pages} / ${pages}`);
  });

  it('when a draft plan is rendered, then its summary says where today’s global and pillars stand among the published scores, all and the region’s, in both languages', async () => {
    const published = loaded.value.content.published!;
    for (const lang of ['fr', 'en'] as const) {
      const { document, file } = await draft('insertion-esus', lang);
      const content = text(file).replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
      const standing = document.standing!;
      expect(standing.groups.map((g) => g.count)).toEqual([published.all.count, published.regions[examples.get('insertion-esus')!.profile.region as string]!.count]);
      expect(content).toContain(standing.intro.replace(/\u00a0/g, ' '));
      expect(content).toContain(lang === 'fr' ? `Parmi les ${published.all.count} organisations` : `Among the ${published.all.count} organisations`);
      for (const group of standing.groups) {
        expect(content).toContain(group.heading.replace(/\u00a0/g, ' '));
        const source = group.region === null ? published.all : published.regions[group.region]!;
        for (const s of group.scores) {
          const percent = Math.round(percentileRank(source.levels, source.scores[s.id]!, s.score!).percent);
          expect(s.rankText.replace(/\u00a0/g, ' ')).toContain(String(percent));
          expect(content).toContain(`${s.scoreText} · ${s.rankText}`.replace(/\u00a0/g, ' '));
        }
      }
      // Today's scores are the ones ranked.
      expect(standing.groups[0]!.scores[0]!.score).toBe(document.summary.global.today);
    }
  });

  it('when rendered in English, then the text is English', async () => {
    const { file } = await draft('scop-40', 'en');
    const content = text(file);
    for (const section of ['Summary', 'By pillar', 'The plan', 'The actions in detail', 'Timeline', 'Expert review', 'Appendix: questions and answers', 'Limiting negative externalities']) expect(content).toContain(section);
    expect(content).not.toContain('Synthèse');
  });

  it('when the metadata is read, then title, author, language, tagging and dates come from the plan', async () => {
    const { pdf, file } = await draft('insertion-esus', 'fr');
    const meta = info(file);
    expect(meta).toMatch(/Title:\s+Plan d’action — Garrigue Logistique Solidaire/);
    expect(meta).toMatch(/Author:\s+Garrigue Logistique Solidaire/);
    expect(meta).toMatch(/Tagged:\s+yes/);
    expect(meta).toMatch(/CreationDate:\s+Sat Nov 21 00:00:00 2026 UTC/);
    expect(pdf.toString('latin1')).toContain('/Lang (fr-FR)');
    // The font is embedded (a subset of DejaVu), so é, €, ≥ and → render everywhere.
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVuSans.*yes/);
    // Bookmarks per section.
    expect(pdf.toString('latin1')).toContain('/Outlines');
  });

  it('when the same plan is rendered twice, then the bytes are the same', async () => {
    const a = await draft('industry-300', 'fr');
    const b = await draft('industry-300', 'fr');
    expect(a.pdf.equals(b.pdf)).toBe(true);
  });

  it('when the CLI exports a draft plan, then the file is there and no partial file is left', () => {
    const out = join(dir, 'cli.pdf');
    execFileSync(process.execPath, [join(import.meta.dirname, '..', 'dist/src/cli/main.js'), 'export-pdf', join(import.meta.dirname, '..', 'data/examples/sas-5.json'), '-o', out, '--lang', 'en', '--date', '2026-11-21']);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(text(out)).toContain('Draft action plan');
  });
});

describe('the font, shared by every PDF a thread renders', () => {
  it('when a second document has the same words, then none is shaped again and the bytes are the same', async () => {
    const font = new SharedFont(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    const write = async () => {
      const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
      font.register(doc, 'body');
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const ended = new Promise((resolve) => doc.on('end', resolve));
      doc.font('body').text('Mesurer l’empreinte carbone et la réduire : ≥ 30 % → 2027.');
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    };
    const first = await write();
    const shaped = font.shaped;
    expect(shaped).toBeGreaterThan(5);
    expect((await write()).equals(first)).toBe(true);
    expect(font.shaped).toBe(shaped);
  });

  it('when a word was shaped first for another document, then a PDF is byte for byte what a fresh process renders', async () => {
    // "fine" and "ﬁne" (U+FB01, as text copied from a PDF often is) share DejaVu's ligature glyph:
    // its text in the PDF must be this document's, not whichever came first in the thread.
    const built = await draftPlanDocument(scorer, examples.get('scop-40')!, 'fr', '2026-11-21');
    if (!built.ok) throw new Error('plan');
    const named = (organisation: string): PlanDocument => ({ ...built.value, cover: { ...built.value.cover, organisation } });
    await render(named('Coopérative fine'));
    const after = await render(named('Coopérative \uFB01ne'));
    const input = join(dir, 'ligature.json');
    const output = join(dir, 'ligature-fresh.pdf');
    writeFileSync(input, JSON.stringify(named('Coopérative \uFB01ne')));
    const renderer = pathToFileURL(join(import.meta.dirname, '..', 'dist/src/pdf/render-plan-pdf.js')).href;
    execFileSync(process.execPath, ['--input-type=module', '-e', `
      import { createWriteStream, readFileSync } from 'node:fs';
      const { renderPlanPdf } = await import(${JSON.stringify(renderer)});
      await renderPlanPdf(JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8')), createWriteStream(${JSON.stringify(output)}));
    `]);
    expect(after.equals(readFileSync(output))).toBe(true);
    writeFileSync(join(dir, 'ligature.pdf'), after);
    expect(text(join(dir, 'ligature.pdf'))).toContain('Coopérative \uFB01ne');
  });
});
