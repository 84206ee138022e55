/** Where and why Python's `json.loads` would reject a text. */
export interface PythonJsonError {
  /** Offset of the error in characters (code points), as Python counts them. */
  position: number;
  message: string;
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/**
 * Finds the first error in a JSON text the way CPython's `json` scanner reports it ("Expecting
 * value", "Expecting ',' delimiter", "Unterminated string starting at", ...), so that a
 * malformed body gets the reference's `json_invalid` entry (`loc: ["body", <offset>]`,
 * `ctx.error`). Python's non-standard `NaN`/`Infinity` literals are refused like any other bad
 * value. Returns `null` for valid JSON.
 */
export function findPythonJsonError(text: string): PythonJsonError | null {
  const chars = Array.from(text);
  try {
    const end = skipWhitespace(chars, scanValue(chars, skipWhitespace(chars, 0)));
    if (end !== chars.length) throw new ScanError('Extra data', end);
    return null;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { position: error.index, message: error.message };
  }
}

function skipWhitespace(chars: string[], index: number): number {
  while (index < chars.length && WHITESPACE.has(chars[index])) index += 1;
  return index;
}

/** Scans one value starting at `index` (no leading whitespace); returns the index after it. */
function scanValue(chars: string[], index: number): number {
  const char = chars[index];
  if (char === '"') return scanString(chars, index + 1);
  if (char === '{') return scanObject(chars, index + 1);
  if (char === '[') return scanArray(chars, index + 1);
  for (const literal of ['null', 'true', 'false']) {
    if (chars.slice(index, index + literal.length).join('') === literal) return index + literal.length;
  }
  const rest = chars.slice(index, index + 400).join('');
  NUMBER.lastIndex = 0;
  const number = NUMBER.exec(rest);
  if (number) return index + number[0].length;
  throw new ScanError('Expecting value', index);
}

function scanString(chars: string[], start: number): number {
  let index = start;
  for (;;) {
    const char = chars[index];
    if (char === undefined) throw new ScanError('Unterminated string starting at', start - 1);
    if (char === '"') return index + 1;
    if (char === '\\') {
      const escaped = chars[index + 1];
      if (escaped === undefined) throw new ScanError('Unterminated string starting at', start - 1);
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(chars.slice(index + 2, index + 6).join(''))) throw new ScanError('Invalid \\uXXXX escape', index + 1);
        index += 6;
        continue;
      }
      if (!ESCAPES.has(escaped)) throw new ScanError('Invalid \\escape', index);
      index += 2;
      continue;
    }
    if (char.codePointAt(0)! < 0x20) throw new ScanError('Invalid control character at', index);
    index += 1;
  }
}

function scanObject(chars: string[], start: number): number {
  let index = skipWhitespace(chars, start);
  if (chars[index] === '}') return index + 1;
  for (;;) {
    if (chars[index] !== '"') throw new ScanError('Expecting property name enclosed in double quotes', index);
    index = skipWhitespace(chars, scanString(chars, index + 1));
    if (chars[index] !== ':') throw new ScanError("Expecting ':' delimiter", index);
    index = skipWhitespace(chars, scanValue(chars, skipWhitespace(chars, index + 1)));
    if (chars[index] === '}') return index + 1;
    if (chars[index] !== ',') throw new ScanError("Expecting ',' delimiter", index);
    index = skipWhitespace(chars, index + 1);
  }
}

function scanArray(chars: string[], start: number): number {
  let index = skipWhitespace(chars, start);
  if (chars[index] === ']') return index + 1;
  for (;;) {
    index = skipWhitespace(chars, scanValue(chars, index));
    if (chars[index] === ']') return index + 1;
    if (chars[index] !== ',') throw new ScanError("Expecting ',' delimiter", index);
    index = skipWhitespace(chars, index + 1);
  }
}
