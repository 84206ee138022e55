import { readCsv, type CsvRecord } from './csv-reader';

async function parse(...chunks: string[]): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const record of readCsv(source())) records.push(record);
  return records;
}

describe('readCsv', () => {
  it('splits records and fields, with the line each record starts on', async () => {
    expect(await parse('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'], end: 6 },
      { line: 2, fields: ['1', '2', '3'], end: 12 },
    ]);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks', async () => {
    expect((await parse('title,overview\n"Crime, Drama","He said ""no"".\nThen left."\nlast,""\n')).map(({ line, fields }) => ({ line, fields }))).toEqual([
      { line: 1, fields: ['title', 'overview'] },
      { line: 2, fields: ['Crime, Drama', 'He said "no".\nThen left.'] },
      { line: 4, fields: ['last', ''] },
    ]);
  });

  it('accepts CRLF, a byte-order mark, blank lines and a missing final newline', async () => {
    expect(await parse('\uFEFFa,b\r\n\r\n1,2\r\n3,4')).toEqual([
      { line: 1, fields: ['a', 'b'], end: 7 },
      { line: 3, fields: ['1', '2'], end: 14 },
      { line: 4, fields: ['3', '4'], end: 18 },
    ]);
  });

  it('counts the bytes of multi-byte characters, so that the last offset is the file size', async () => {
    const text = 'título,€\n"Amélie",😀\n';
    const records = await parse(text.slice(0, 5), text.slice(5));

    expect(records.map((record) => record.end)).toEqual([Buffer.byteLength('título,€\n'), Buffer.byteLength(text)]);
  });

  it('does not care where the chunks are cut', async () => {
    const text = 'a,"b ""q"", c"\r\n1,"x\ny"\n';
    const whole = await parse(text);

    for (let cut = 1; cut < text.length; cut += 1) expect(await parse(text.slice(0, cut), text.slice(cut))).toEqual(whole);
  });

  it('refuses a quote that never closes, naming its line', async () => {
    await expect(parse('a,b\n1,"open\n\n')).rejects.toThrow('line 2: a quoted field is never closed');
  });
});
