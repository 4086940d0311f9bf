/** The citation helper behind `npm run cite`: offsets in UTF-16 code units, end exclusive, and clear refusals. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cite, CitationError, rowMapFields, whereQuoteIs } from '../src/loader/citation.js';
import { runProcess } from './support/run-process.js';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const article = readFileSync(new URL('../cypher/sources/csto-2022-10-13.txt', import.meta.url), 'utf8');

describe('cite', () => {
  it('gives the offsets the article graph uses', () => {
    expect(cite(article, 'Parliament Speaker Alen Simonyan')).toEqual({
      quote: 'Parliament Speaker Alen Simonyan',
      quoteStart: 2070,
      quoteEnd: 2102,
      occurrence: 1,
      occurrences: 1,
    });
  });

  it('counts UTF-16 code units, as JavaScript strings and the quotes do', () => {
    expect(cite('a 😀 b 😀 c', 'b', undefined)).toMatchObject({ quoteStart: 5, quoteEnd: 6 });
  });

  it('refuses a quote that occurs more than once unless told which, and takes --occurrence', () => {
    expect(() => cite(article, 'Kyrgyzstan')).toThrow(
      new CitationError(
        'The quote occurs 7 times, at 634, 1065, 1158, 4424, 5522, 6405, 6836: choose one with --occurrence 1 to 7, or quote more of the sentence.',
      ),
    );
    expect(cite(article, 'Kyrgyzstan', 2)).toMatchObject({ quoteStart: 1065, quoteEnd: 1075, occurrence: 2, occurrences: 7 });
    expect(() => cite(article, 'Kyrgyzstan', 8)).toThrow(new CitationError('--occurrence must be from 1 to 7, got 8.'));
  });

  it('refuses a quote that does not occur, and points at a no-break space', () => {
    expect(() => cite(article, 'the CSTO is thriving')).toThrow(new CitationError('The quote does not occur in the text.'));
    expect(() => cite(article, 'concluded, no longer')).toThrow(
      new CitationError('The quote does not occur in the text. It does occur with a no-break space (U+00A0) in place of the quote\'s white space at 276: quote it exactly as "concluded,\u00a0no longer".'),
    );
  });

  it('names the white space a terminal would not show, and says "other white space" when it is only more spaces', () => {
    expect(() => cite('one\ntwo three', 'one two')).toThrow(
      new CitationError('The quote does not occur in the text. It does occur with a line break in place of the quote\'s white space at 0: quote it exactly as "one\\ntwo".'),
    );
    expect(() => cite('one  two', 'one two')).toThrow(
      new CitationError('The quote does not occur in the text. It does occur with other white space at 0: quote it exactly as "one  two".'),
    );
  });

  it('lists every place where the same words occur with other capitals', () => {
    expect(() => cite(article, 'kyrgyzstan turned')).toThrow(
      new CitationError('The quote does not occur in the text. It does occur with other capitals at 6405: quote it exactly as "Kyrgyzstan turned".'),
    );
    expect(() => cite('Mongolia joined. mongolia left. MONGOLIA', 'mongoliA')).toThrow(
      new CitationError('The quote does not occur in the text. It does occur with other capitals 3 times, at 0, 17, 32: quote one exactly, e.g. "Mongolia".'),
    );
  });

  it('points at the same words with other capitals, and names their white space too', () => {
    expect(() => cite('Kyrgyzstan asked the CSTO for help', 'asked the csto')).toThrow(
      new CitationError('The quote does not occur in the text. It does occur with other capitals at 11: quote it exactly as "asked the CSTO".'),
    );
    expect(() => cite('Kyrgyzstan asked the\u00a0CSTO for help', 'asked the csto')).toThrow(
      new CitationError(
        'The quote does not occur in the text. It does occur with other capitals, and with a no-break space (U+00A0) in place of the quote\'s white space at 11: quote it exactly as "asked the\u00a0CSTO".',
      ),
    );
  });

  it('prints the fields of a row map, escaped for Cypher', () => {
    expect(rowMapFields(cite("it's 'x'\n", "it's"))).toBe("quote: 'it\\'s', quoteStart: 0, quoteEnd: 4");
  });
});

describe('whereQuoteIs, for the loader when a quote misses its offsets', () => {
  it('gives the offsets of a quote that occurs once', () => {
    expect(whereQuoteIs(article, 'Parliament Speaker Alen Simonyan')).toBe('the quote is in the source at [2070, 2102)');
  });

  it("says what npm run cite would: every place of a quote that occurs more than once, or that it occurs nowhere", () => {
    expect(whereQuoteIs(article, 'Kyrgyzstan')).toBe(
      'npm run cite says: The quote occurs 7 times, at 634, 1065, 1158, 4424, 5522, 6405, 6836: choose one with --occurrence 1 to 7, or quote more of the sentence.',
    );
    expect(whereQuoteIs(article, 'End of CSTO')).toBe('npm run cite says: The quote does not occur in the text.');
    expect(whereQuoteIs('a\u00a0b', 'a b')).toBe(
      'npm run cite says: The quote does not occur in the text. It does occur with a no-break space (U+00A0) in place of the quote\'s white space at 0: quote it exactly as "a\u00a0b".',
    );
  });
});

describe('npm run cite', () => {
  it('lists the sources it has when asked for one it lacks', async () => {
    const sources = mkdtempSync(path.join(tmpdir(), 'csto-graph-cite-sources-'));
    try {
      writeFileSync(path.join(sources, 'b-source.txt'), 'B');
      writeFileSync(path.join(sources, 'a-source.txt'), 'A');
      writeFileSync(path.join(sources, 'notes.md'), 'not a source');
      const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
      const result = await runProcess(tsx, ['src/commands/cite.ts', 'a-sourse', 'A', '--sources', sources], { cwd: projectRoot });
      expect(result).toMatchObject({
        code: 1,
        stderr: `cite: No text for source 'a-sourse': ${path.join(sources, 'a-sourse.txt')} cannot be read. The sources folder has: a-source, b-source.\n`,
      });
    } finally {
      rmSync(sources, { recursive: true, force: true });
    }
  });
});
