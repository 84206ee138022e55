import { Injectable } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { CatalogImportRepository } from './catalog-import.repository';
import { CsvFormatError, readCsv } from './csv-reader';
import { demoCatalog } from './demo-catalog';
import { columnIndexes, type MovieRecord, readMovieRow } from './imdb-csv';
import { SeedError } from './seed.service';
import { buildSyntheticCatalog, type SyntheticOutcome } from './synthetic-catalog';

/** Movies written per transaction: a few statements each, whatever the size. */
const BATCH_SIZE = 250;

export interface RejectedRow {
  line: number;
  title: string;
  reasons: string[];
}

export interface ImportReport {
  rows: number;
  inserted: number;
  existing: number;
  rejected: RejectedRow[];
}

/** Progress of an import: the share of the file written (0..1) and the data rows read so far. */
export type ImportProgress = (fraction: number, rows: number) => void;

export type DemoOutcome = { inserted: number } | 'catalog-not-empty';

/**
 * The catalog steps of `npm run seed`: the demo catalog, the CSV import and the synthetic
 * benchmark catalog. Each can run again, or on several replicas at once, without duplicating
 * anything.
 */
@Injectable()
export class CatalogSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CatalogImportRepository,
  ) {}

  /** Fills an empty catalog with the demo films; a catalog with any movie is left alone. */
  async seedDemoCatalog(): Promise<DemoOutcome> {
    return this.dataSource.transaction(async (manager) => {
      if (await this.repository.hasMovies(manager)) return 'catalog-not-empty';
      const { inserted } = await this.repository.writeBatch(manager, demoCatalog());
      return { inserted };
    });
  }

  /**
   * Imports a CSV file in the IMDb top-1000 layout (`imdb-csv.ts`), streaming, in batches of
   * `BATCH_SIZE` movies per transaction. Rows that break a rule are reported, not imported; a
   * movie the catalog has is left exactly as it is.
   *
   * @throws SeedError when the file cannot be read or its header lacks a column.
   */
  async importCsv(path: string, onProgress: ImportProgress = () => undefined): Promise<ImportReport> {
    const size = await stat(path).then(
      (stats) => stats.size,
      (error: NodeJS.ErrnoException) => {
        throw new SeedError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      },
    );
    const stream = createReadStream(path, { encoding: 'utf8' });
    const report: ImportReport = { rows: 0, inserted: 0, existing: 0, rejected: [] };
    const firstLineOfKey = new Map<string, number>();
    let batch: MovieRecord[] = [];
    let readUpTo = 0;
    let header: { columns: ReturnType<typeof columnIndexes>; length: number } | null = null;

    const flush = async () => {
      const movies = batch;
      batch = [];
      const outcome = await this.dataSource.transaction((manager) => this.repository.writeBatch(manager, movies));
      report.inserted += outcome.inserted;
      report.existing += outcome.existing;
      onProgress(size === 0 ? 1 : readUpTo / size, report.rows);
    };

    try {
      for await (const record of readCsv(stream)) {
        if (!header) {
          header = { columns: columnIndexes(record.fields), length: record.fields.length };
          continue;
        }
        report.rows += 1;
        readUpTo = record.end;
        const outcome = readMovieRow(record.fields, header.columns, header.length);
        const title = record.fields[header.columns.Series_Title]?.trim() ?? '';
        if (!outcome.ok) {
          report.rejected.push({ line: record.line, title, reasons: outcome.reasons });
          continue;
        }
        const key = JSON.stringify([outcome.movie.name.toLowerCase(), outcome.movie.year, outcome.movie.time]);
        const earlier = firstLineOfKey.get(key);
        if (earlier !== undefined) {
          report.rejected.push({ line: record.line, title, reasons: [`the same title, year and runtime as line ${earlier}`] });
          continue;
        }
        firstLineOfKey.set(key, record.line);
        batch.push(outcome.movie);
        if (batch.length >= BATCH_SIZE) await flush();
      }
      if (batch.length > 0) await flush();
    } catch (error) {
      const unreadable = error instanceof CsvFormatError || (error instanceof Error && 'syscall' in error);
      throw unreadable ? new SeedError(`${path}: ${error.message}`) : error;
    } finally {
      stream.destroy();
    }
    if (!header) throw new SeedError(`${path}: the file is empty`);
    onProgress(1, report.rows);
    return report;
  }

  /** Adds synthetic movies 1..`count` (see `synthetic-catalog.ts`) in one transaction. */
  async buildSynthetic(count: number, onStep: (step: string) => void = () => undefined): Promise<SyntheticOutcome> {
    const outcome = await this.dataSource.transaction((manager) => buildSyntheticCatalog(manager, count, onStep));
    // Fresh statistics and visibility map, so the first queries use the indexes as they will later.
    await this.dataSource.query(`VACUUM (ANALYZE) movies, movies_genres, movies_stars, movies_directors, genres, stars, directors, certifications`);
    return outcome;
  }
}
