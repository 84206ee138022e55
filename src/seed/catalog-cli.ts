import type { INestApplicationContext } from '@nestjs/common';
import { CatalogSeedService, type ImportReport } from './catalog-seed.service';
import { IMDB_COLUMNS, ROW_RULES } from './imdb-csv';
import { PRICE_RULE } from './movie-price';
import { ProgressBar } from './progress-bar';
import { SeedError } from './seed.service';

/** The most `--synthetic` makes: titles stay unique up to 1.7 million. */
export const MAX_SYNTHETIC = 1_000_000;

/** The catalog options of `npm run seed`, for `parseArgs`. */
export const CATALOG_OPTIONS = {
  movies: { type: 'string' },
  synthetic: { type: 'string' },
} as const;

export interface CatalogArguments {
  movies?: string;
  synthetic?: string;
}

export const CATALOG_HELP = `
Catalog:
  (no option)          an empty catalog gets the demo catalog (about 50 well-known films); a catalog
                       with any movie is left alone
  --movies <file.csv>  imports a CSV file in the layout of the IMDb top-1000 dataset, with the columns
                       ${IMDB_COLUMNS.join(', ')}
                       (found by name; other columns are ignored). Shows a progress bar on a terminal and
                       lists the rejected rows with their reasons. Importing a file again changes nothing.
  --synthetic <N>      adds N synthetic movies (at most ${MAX_SYNTHETIC.toLocaleString('en-US')}) with their genres, stars and directors,
                       for benchmarks; running it again with the same N adds nothing

CSV rows:
${indent(ROW_RULES)}

Prices (the CSV has none; the demo catalog uses the same rule):
${indent(PRICE_RULE)}
`;

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** The number `--synthetic` was given. @throws SeedError unless it is a whole number in range. */
export function syntheticCount(text: string): number {
  const count = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(count >= 1 && count <= MAX_SYNTHETIC)) throw new SeedError(`--synthetic needs a whole number from 1 to ${MAX_SYNTHETIC}, not "${text}"`);
  return count;
}

/** Runs the catalog step the arguments ask for (the demo catalog when none) and reports it. */
export async function runCatalogSteps(app: INestApplicationContext, args: CatalogArguments, out: NodeJS.WriteStream = process.stdout): Promise<void> {
  const catalog = app.get(CatalogSeedService);
  const synthetic = args.synthetic === undefined ? null : syntheticCount(args.synthetic);
  if (args.movies !== undefined) {
    const bar = new ProgressBar(process.stderr, 'rows');
    const report = await catalog.importCsv(args.movies, (fraction, rows) => bar.update(fraction, rows));
    bar.finish(report.rows);
    out.write(importSummary(args.movies, report));
  }
  if (synthetic !== null) {
    const started = performance.now();
    const outcome = await catalog.buildSynthetic(synthetic, (step) => out.write(`synthetic catalog: ${step}...\n`));
    out.write(`synthetic catalog: ${outcome.inserted} movies added, ${synthetic - outcome.inserted} were there (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  if (args.movies === undefined && synthetic === null) {
    const outcome = await catalog.seedDemoCatalog();
    out.write(outcome === 'catalog-not-empty' ? 'demo catalog: the catalog has movies, left as it is\n' : `demo catalog: ${outcome.inserted} movies added\n`);
  }
}

export function importSummary(path: string, report: ImportReport): string {
  const lines = [
    `${path}: ${report.rows} rows: ${report.inserted} movies imported, ${report.existing} already in the catalog, ${report.rejected.length} rejected`,
    ...report.rejected.map((row) => `  line ${row.line}${row.title ? ` (${row.title})` : ''}: ${row.reasons.join('; ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
