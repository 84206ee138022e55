/** The file is not CSV this reader (or the layout it is read for) can make sense of. */
export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

/** One record of a CSV file: its fields, the line it starts on (1-based), the byte offset past its end. */
export interface CsvRecord {
  line: number;
  fields: string[];
  end: number;
}

/**
 * Reads CSV as RFC 4180 writes it, from a stream of text chunks: fields separated by commas,
 * records by LF or CRLF, fields in double quotes may hold commas, line breaks and `""` for a
 * quote. A byte-order mark at the start is skipped. A quote that never closes ends the file
 * with an error naming the line it opened on. Lines that hold nothing are skipped.
 */
export async function* readCsv(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}

class CsvParser {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** The previous character closed a quoted section (a quote now would be an escaped `""`). */
  private quoteClosed = false;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private started = false;
  private pendingCarriageReturn = false;
  /** UTF-8 bytes consumed so far, the byte-order mark included. */
  private bytes = 0;

  *push(chunk: string): Generator<CsvRecord> {
    let text = chunk;
    if (!this.started) {
      this.started = true;
      if (text.startsWith('\uFEFF')) {
        text = text.slice(1);
        this.bytes += 3;
      }
    }
    for (const char of text) {
      this.bytes += utf8Length(char);
      if (this.pendingCarriageReturn) {
        this.pendingCarriageReturn = false;
        if (char === '\n') continue;
      }
      if (this.quoted) {
        if (char === '"') {
          this.quoted = false;
          this.quoteClosed = true;
        } else {
          if (char === '\n') this.line += 1;
          this.field += char;
        }
        continue;
      }
      if (char === '"') {
        // `""` inside a quoted field is one quote; a quote opening a field starts quoting.
        if (this.quoteClosed) this.field += '"';
        this.quoted = true;
        this.quoteLine = this.line;
        this.quoteClosed = false;
        continue;
      }
      this.quoteClosed = false;
      if (char === ',') {
        this.fields.push(this.field);
        this.field = '';
      } else if (char === '\n' || char === '\r') {
        this.pendingCarriageReturn = char === '\r';
        const record = this.finishRecord();
        this.line += 1;
        this.recordLine = this.line;
        if (record) yield record;
      } else {
        this.field += char;
      }
    }
  }

  *end(): Generator<CsvRecord> {
    if (this.quoted) throw new CsvFormatError(`line ${this.quoteLine}: a quoted field is never closed`);
    const record = this.finishRecord();
    if (record) yield record;
  }

  private finishRecord(): CsvRecord | null {
    this.fields.push(this.field);
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.quoteClosed = false;
    const blank = fields.length === 1 && fields[0] === '';
    return blank ? null : { line: this.recordLine, fields, end: this.bytes };
  }
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) as number;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
