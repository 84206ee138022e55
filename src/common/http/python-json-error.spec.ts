import { findPythonJsonError } from './python-json-error';

describe('findPythonJsonError', () => {
  // [text, position, message] as CPython's json.loads reports them (generated with Python 3.11).
  it.each([
    ["", 0, "Expecting value"],
    ["   ", 3, "Expecting value"],
    ["{", 1, "Expecting property name enclosed in double quotes"],
    ["}", 0, "Expecting value"],
    ["[", 1, "Expecting value"],
    ["]", 0, "Expecting value"],
    ["{\"a\": }", 6, "Expecting value"],
    ["{\"a\" 1}", 5, "Expecting ':' delimiter"],
    ["{\"a\": 1,}", 8, "Expecting property name enclosed in double quotes"],
    ["{\"a\": 1 \"b\": 2}", 8, "Expecting ',' delimiter"],
    ["{a: 1}", 1, "Expecting property name enclosed in double quotes"],
    ["{'a': 1}", 1, "Expecting property name enclosed in double quotes"],
    ["[1, 2,]", 6, "Expecting value"],
    ["[1 2]", 3, "Expecting ',' delimiter"],
    ["[1,,2]", 3, "Expecting value"],
    ["\"abc", 0, "Unterminated string starting at"],
    ["\"a\\qb\"", 2, "Invalid \\escape"],
    ["\"a\\u12\"", 3, "Invalid \\uXXXX escape"],
    ["\"a\\u12x4\"", 3, "Invalid \\uXXXX escape"],
    ["\"a\nb\"", 2, "Invalid control character at"],
    ["nul", 0, "Expecting value"],
    ["tru", 0, "Expecting value"],
    ["-", 0, "Expecting value"],
    ["-a", 0, "Expecting value"],
    ["01", 1, "Extra data"],
    ["1.", 1, "Extra data"],
    ["1.e5", 1, "Extra data"],
    ["1e", 1, "Extra data"],
    [".5", 0, "Expecting value"],
    ["{\"a\": 1}}", 8, "Extra data"],
    ["[1] x", 4, "Extra data"],
    ["{\"a\": [1, {\"b\": tru}]}", 16, "Expecting value"],
    ["\"é\" x", 4, "Extra data"],
    ["{\"é\": x}", 6, "Expecting value"],
    ["{\"😀😀\": x}", 7, "Expecting value"],
    ["\"\\", 0, "Unterminated string starting at"],
    ["{\"a\":1", 6, "Expecting ',' delimiter"],
    ["[1", 2, "Expecting ',' delimiter"],
    ["{\"a\"", 4, "Expecting ':' delimiter"],
    ["{\"a\":", 5, "Expecting value"],
    ["  x", 2, "Expecting value"],
    ["\t{\n\"a\" : 01}", 10, "Expecting ',' delimiter"],
    ["[\"a\" \"b\"]", 5, "Expecting ',' delimiter"],
    ["{\"a\": \"b\\\"}", 6, "Unterminated string starting at"],
    ["{\"a\": 1e+}", 7, "Expecting ',' delimiter"],
    ["[-]", 1, "Expecting value"],
    ["[--1]", 1, "Expecting value"],
    ["[1.5.5]", 4, "Expecting ',' delimiter"],
    ["{\"a\":1}{", 7, "Extra data"],
    ["[true false]", 6, "Expecting ',' delimiter"],
    ["{\"a\":nulll}", 9, "Expecting ',' delimiter"],
    ["{,}", 1, "Expecting property name enclosed in double quotes"],
    ["[,]", 1, "Expecting value"],
    ["{\"a\" :: 1}", 6, "Expecting value"],
  ])('locates the error in %j as Python does', (text, position, message) => {
    expect(findPythonJsonError(text)).toEqual({ position, message });
  });

  it('counts the position in characters, not UTF-16 units', () => {
    // UTF-16 would say 9: each emoji is two code units.
    expect(findPythonJsonError('{"\u{1F600}\u{1F600}": x}')).toEqual({ position: 7, message: 'Expecting value' });
  });

  it("refuses Python's NaN and Infinity literals like any other bad value", () => {
    expect(findPythonJsonError('{"a": NaN}')).toEqual({ position: 6, message: 'Expecting value' });
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(findPythonJsonError(' {"a": [1, -2.5e3, true, null, "x\\u00e9"]} ')).toBeNull();
  });
});
