import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** What pdfkit reads of a glyph and of a laid-out word (fontkit's Glyph and GlyphRun). */
interface Glyph { id: number; codePoints: number[]; advanceWidth: number }
interface GlyphRun { glyphs: Glyph[]; positions: { xAdvance: number }[] }
interface FontkitFont {
  layout(text: string, features?: unknown): GlyphRun;
  _glyphs: Record<number, unknown>;
}

// Words kept per font and thread before starting afresh: every golden plan in both languages
// makes about 9,000 in the body font, at about 1.6 KB each.
const MAX_WORDS = 10_000;

/** A word as pdfkit reads it: fontkit's GlyphRun without what pdfkit never reads. */
class Word {
  private width: number | undefined;

  constructor(readonly glyphs: Glyph[], readonly positions: { xAdvance: number }[]) {}

  /** Summed once, on first reading: pdfkit scales the positions after layout, then reads the width each time a line has the word. */
  get advanceWidth(): number {
    if (this.width === undefined) {
      let width = 0;
      for (const p of this.positions) width += p.xAdvance;
      this.width = width;
    }
    return this.width;
  }
}

/** The font file parsed by pdfkit's own fontkit (pdfkit takes such a font instead of a file). */
function parse(file: string): FontkitFont {
  const doc = new PDFDocument({ autoFirstPage: false }).font(readFileSync(file));
  return (doc as unknown as { _font: { font: FontkitFont } })._font.font;
}

/**
 * A TrueType font read and parsed once per thread, each word shaped once for every document:
 * parsing the file, decoding its layout tables and shaping words (GSUB/GPOS) again for each
 * document were most of a plan's PDF time (docs/performance.md).
 */
export class SharedFont {
  /** What pdfkit gets instead of the file: the parsed font, shaping each word on its own. */
  readonly font: FontkitFont;
  /** Words shaped since this thread started. */
  shaped = 0;
  private words: Record<string, Word> = Object.create(null);
  private wordsKept = 0;
  private readonly glyphs = new Map<string, Glyph>();

  constructor(file: string) {
    const parsed = parse(file);
    const shaper = Object.create(parsed) as FontkitFont;
    this.font = Object.create(parsed) as FontkitFont;
    this.font.layout = (text, features) => {
      this.shaped++;
      this.wordsKept++;
      // No glyph remembered from earlier words: a word's glyphs, and the text they copy as, depend
      // on that word alone, so a PDF's bytes never depend on the documents rendered before it.
      shaper._glyphs = {};
      const run = shaper.layout(text, features);
      return new Word(run.glyphs.map((g) => this.glyph(g)), run.positions);
    };
  }

  /** Registers the font as `name` on `doc`, with every word earlier documents laid out. */
  register(doc: PDFKit.PDFDocument, name: string): void {
    if (this.wordsKept > MAX_WORDS) {
      this.words = Object.create(null);
      this.wordsKept = 0;
    }
    doc.registerFont(name, this.font as never).font(name);
    // pdfkit 0.20 keeps each laid-out word per document (EmbeddedFont.layoutCache); this shares
    // it. Its words are never changed once laid out, and pdfkit scales them the same way for all.
    (doc as unknown as { _font: { layoutCache: object } })._font.layoutCache = this.words;
  }

  /** One object per glyph and text it stands for, shared by every word that has it. */
  private glyph({ id, codePoints, advanceWidth }: Glyph): Glyph {
    const key = `${id} ${codePoints.join(' ')}`;
    let glyph = this.glyphs.get(key);
    if (!glyph) this.glyphs.set(key, (glyph = { id, codePoints, advanceWidth }));
    return glyph;
  }
}
