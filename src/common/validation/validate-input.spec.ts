import { Field, fieldsOf, PartialDto } from './field.decorators';
import { Rules } from './rules';
import { validateInput, validateParameter } from './validate-input';
import { RequestValidationException, type ValidationIssue } from './validation-issue';

class BaseDto {
  @Field.string() name: string;
  @Field.int({ optional: true }) year?: number | null;
}

class ChildDto extends BaseDto {
  @Field.list(Rules.string(), { default: [] }) tags: string[];
  @Field.string({ maxLength: 3 }) nickname: string;
}

class QueryDto {
  @Field.int({ default: 1 }) page: number;
  @Field.list(Rules.string(), { optional: true }) genre?: string[];
  @Field.string() token: string;
}

function issuesOf(run: () => unknown): ValidationIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestValidationException) return error.issues;
    throw error;
  }
  throw new Error('expected a RequestValidationException');
}

describe('validateInput', () => {
  it('lists inherited fields first, then the subclass fields, in declaration order', () => {
    expect(fieldsOf(ChildDto).map((field) => field.name)).toEqual(['name', 'year', 'tags', 'nickname']);
  });

  it('returns an instance of the DTO with the declared fields only', () => {
    const sut = validateInput(ChildDto, { name: 'abc', year: '2001', nickname: 'abc', is_admin: true }, 'body');
    expect(sut).toBeInstanceOf(ChildDto);
    expect({ ...sut }).toEqual({ name: 'abc', year: 2001, tags: [], nickname: 'abc' });
  });

  it('leaves an absent optional field unset and keeps an explicit null', () => {
    expect(Object.keys(validateInput(BaseDto, { name: 'a' }, 'body'))).toEqual(['name']);
    expect({ ...validateInput(BaseDto, { name: 'a', year: null }, 'body') }).toEqual({ name: 'a', year: null });
  });

  it('gives each DTO its own copy of a default', () => {
    const first = validateInput(ChildDto, { name: 'a', nickname: 'a' }, 'body');
    first.tags.push('changed');
    expect(validateInput(ChildDto, { name: 'b', nickname: 'b' }, 'body').tags).toEqual([]);
  });

  it('reports the problems of inherited and own fields together, in order', () => {
    expect(issuesOf(() => validateInput(ChildDto, { year: 'x', nickname: 'abcd' }, 'body')).map((issue) => [issue.type, issue.loc])).toEqual([
      ['missing', ['body', 'name']],
      ['int_parsing', ['body', 'year']],
      ['string_too_long', ['body', 'nickname']],
    ]);
  });

  it('reports a missing body field with the whole body as input', () => {
    expect(issuesOf(() => validateInput(BaseDto, { year: 1 }, 'body'))).toEqual([
      { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: { year: 1 } },
    ]);
  });

  it.each([undefined, null])('reports a missing body (%p) at ["body"]', (raw) => {
    expect(issuesOf(() => validateInput(BaseDto, raw, 'body'))).toEqual([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  });

  it.each([[[1, 2]], ['text'], [3]])('refuses a body that is not an object (%p)', (raw) => {
    expect(issuesOf(() => validateInput(BaseDto, raw, 'body'))).toEqual([
      { type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: raw },
    ]);
  });

  it('reads query strings as FastAPI does: the last value of a repeated parameter, all of them for a list', () => {
    const sut = validateInput(QueryDto, { page: ['1', '3'], genre: 'drama', token: 't' }, 'query');
    expect({ ...sut }).toEqual({ page: 3, genre: ['drama'], token: 't' });
    expect(validateInput(QueryDto, { genre: ['drama', 'crime'], token: 't' }, 'query').genre).toEqual(['drama', 'crime']);
  });

  it('reports a missing query parameter with a null input', () => {
    expect(issuesOf(() => validateInput(QueryDto, {}, 'query'))).toEqual([
      { type: 'missing', loc: ['query', 'token'], msg: 'Field required', input: null },
    ]);
  });

  it('validates one named parameter with a rule', () => {
    expect(validateParameter(Rules.int(), '42', 'path', 'order_id')).toBe(42);
    expect(issuesOf(() => validateParameter(Rules.int(), undefined, 'query', 'user_id'))).toEqual([
      { type: 'missing', loc: ['query', 'user_id'], msg: 'Field required', input: null },
    ]);
  });

  it('answers 422 with the issues as the detail', () => {
    const sut = new RequestValidationException([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
    expect({ status: sut.getStatus(), body: sut.getResponse() }).toEqual({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
    });
  });
});

describe('PartialDto', () => {
  class UpdateDto extends PartialDto(ChildDto) {}

  it('makes every field optional with the same rules', () => {
    expect(Object.keys(validateInput(UpdateDto, {}, 'body'))).toEqual([]);
    expect(issuesOf(() => validateInput(UpdateDto, { year: 'x', nickname: 'abcd' }, 'body')).map((issue) => issue.type)).toEqual([
      'int_parsing',
      'string_too_long',
    ]);
  });

  it('has no defaults, so a PATCH changes only what was sent', () => {
    expect({ ...validateInput(UpdateDto, { year: null }, 'body') }).toEqual({ year: null });
  });
});
