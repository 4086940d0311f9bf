/**
 * `npm run cite -- <source-id> "quote" [--occurrence N] [--row] [--sources DIR]`: the offsets of a quote in a
 * source's text file (UTF-16 code units, end exclusive, as Source.text and the quotes of cypher/ use them).
 * Errors when the quote occurs zero times, or more than once without --occurrence.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cite, CitationError, defaultSourcesDirectory, rowMapFields } from '../loader/citation.js';

interface CiteArguments {
  sourceId: string;
  quote: string;
  occurrence?: number;
  row: boolean;
  sources: string;
}

const usage = 'Usage: npm run cite -- <source-id> "quote" [--occurrence N] [--row] [--sources DIR]';

function parseCiteArguments(args: string[]): CiteArguments {
  const positional: string[] = [];
  let occurrence: number | undefined;
  let row = false;
  let sources = defaultSourcesDirectory;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--row') row = true;
    else if (arg === '--occurrence' || arg === '--sources') {
      const value = args[++i];
      if (value === undefined) throw new CitationError(`${arg} needs a value. ${usage}`);
      if (arg === '--sources') sources = value;
      else occurrence = Number(value);
    } else if (arg.startsWith('--')) throw new CitationError(`Unknown option ${arg}. ${usage}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new CitationError(usage);
  return { sourceId: positional[0]!, quote: positional[1]!, occurrence, row, sources };
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`${usage}
  <source-id>       the source's id: its text is <source-id>.txt in the sources folder
  "quote"           the exact text to find, no-break spaces and all
  --occurrence N    which occurrence, from 1, when the quote occurs more than once
  --row             print quote, quoteStart and quoteEnd ready to paste into a row map
  --sources DIR     the folder of the source texts (default: cypher/sources)`);
    return;
  }
  const options = parseCiteArguments(args);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.sourceId)) throw new CitationError(`A source id is a lowercase slug, got '${options.sourceId}'.`);
  const file = path.join(options.sources, `${options.sourceId}.txt`);
  const text = await readFile(file, 'utf8').catch(async () => {
    const known = (await readdir(options.sources).catch(() => [] as string[])).filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -4)).sort();
    const listed = known.length ? ` The sources folder has: ${known.join(', ')}.` : ' The sources folder has no .txt file.';
    throw new CitationError(`No text for source '${options.sourceId}': ${file} cannot be read.${listed}`);
  });
  const citation = cite(text, options.quote, options.occurrence);
  const which = citation.occurrences > 1 ? ` (occurrence ${citation.occurrence} of ${citation.occurrences})` : '';
  console.log(options.row ? rowMapFields(citation) : `quoteStart: ${citation.quoteStart}, quoteEnd: ${citation.quoteEnd}${which}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`cite: ${error instanceof CitationError ? error.message : String(error)}`);
  process.exit(1);
});
