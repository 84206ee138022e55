export type UuidParse = { ok: true; uuid: string } | { ok: false; error: string };

const SIMPLE = /^[0-9a-f]{32}$/i;
const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GROUP_STARTS = [0, 9, 14, 19, 24];
const GROUP_LENGTHS = [8, 4, 4, 4, 12];
const HEX_OR_HYPHEN = /^[0-9a-fA-F-]$/;

/**
 * Parses a UUID the way pydantic does (Rust `uuid::Uuid::parse_str`): simple (32 hex digits),
 * hyphenated, `{braced}` or `urn:uuid:` forms, any case. The result is canonical: lower-case
 * and hyphenated. A failure carries the Rust parser's own explanation, which pydantic puts in
 * `msg` and `ctx.error` of `uuid_parsing`.
 */
export function parseUuid(text: string): UuidParse {
  let body = text;
  let offset = 0;
  let simpleAllowed = true;
  if (text.length >= 2 && text.startsWith('{') && text.endsWith('}')) {
    [body, offset, simpleAllowed] = [text.slice(1, -1), 1, false];
  } else if (text.startsWith('urn:uuid:')) {
    [body, offset, simpleAllowed] = [text.slice('urn:uuid:'.length), 'urn:uuid:'.length, false];
  }
  if (simpleAllowed && SIMPLE.test(body)) {
    const hex = body.toLowerCase();
    return { ok: true, uuid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` };
  }
  if (HYPHENATED.test(body)) return { ok: true, uuid: body.toLowerCase() };
  return { ok: false, error: explain(text, body, offset, simpleAllowed) };
}

/** The uuid crate's diagnosis of an invalid input; positions are 1-based byte offsets. */
function explain(text: string, body: string, offset: number, simpleAllowed: boolean): string {
  const groupEnds: number[] = [];
  let hyphens = 0;
  let byteIndex = 0;
  for (const char of body) {
    if (char === '-') {
      if (hyphens < 4) groupEnds[hyphens] = byteIndex;
      hyphens += 1;
    } else if (!HEX_OR_HYPHEN.test(char)) {
      return `invalid character: found \`${char}\` at ${byteIndex + offset + 1}`;
    }
    byteIndex += Buffer.byteLength(char);
  }
  const length = Buffer.byteLength(text);
  if (hyphens === 0 && simpleAllowed) return `invalid length: expected length 32 for simple format, found ${length}`;
  if (hyphens !== 4) return `invalid group count: expected 5, found ${hyphens + 1}`;
  for (let group = 0; group < 4; group += 1) {
    if (groupEnds[group] !== GROUP_STARTS[group + 1] - 1) {
      return `invalid group length in group ${group}: expected ${GROUP_LENGTHS[group]}, found ${groupEnds[group] - GROUP_STARTS[group]}`;
    }
  }
  return `invalid group length in group 4: expected 12, found ${length - GROUP_STARTS[4]}`;
}
