import { Body, ConflictException, Controller, Get, Header, HttpCode, Logger, Param, Patch, Post, Query } from '@nestjs/common';
import { Auth, Public } from '../../src/common/auth/auth.decorators';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { BODY_PARSE_ERROR } from '../../src/common/http/body-parsers';
import { HTTP_MESSAGES } from '../../src/common/http/http-exception.filter';
import { pageMeta, paginated, PaginationQueryDto } from '../../src/common/http/pagination';
import { RequestUrl } from '../../src/common/http/request-url.decorator';
import { Field, PartialDto } from '../../src/common/validation/field.decorators';
import { RulePipe } from '../../src/common/validation/request-validation.pipe';
import { Rules } from '../../src/common/validation/rules';
import { createLogger } from '../../src/core/logging/logger';
import { createTestApp, type TestApp } from '../utils/app';

enum Mood {
  Happy = 'happy',
  Sad = 'sad',
}

const notBefore1895 = (year: number) => (year < 1895 ? 'Year cannot be before 1895' : null);

class CreateItemDto {
  @Field.string({ minLength: 1, maxLength: 10 }) name: string;
  @Field.email() email: string;
  @Field.int({ gt: 0 }) count: number;
  @Field.float({ ge: 0, le: 10 }) rating: number;
  @Field.decimal({ ge: 0, maxDigits: 10, decimalPlaces: 2 }) price: string;
  @Field.enum(Mood) mood: Mood;
  @Field.list(Rules.string({ maxLength: 5 })) tags: string[];
  @Field.bool({ default: false }) featured: boolean;
  @Field.date({ optional: true }) released?: string | null;
  @Field.int({ optional: true, validate: notBefore1895 }) year?: number;
}

class UpdateItemDto extends PartialDto(CreateItemDto) {}

class ItemPathDto {
  @Field.uuid() item_id: string;
}

class ItemQueryDto extends PaginationQueryDto {
  @Field.string({ optional: true }) search?: string;
  @Field.int({ optional: true }) year?: number;
  @Field.string({ optional: true }) sort?: string;
}

class SecretDto {
  @Field.string() refresh_token: string;
}

class OrderPathDto {
  @Field.int() order_id: number;
}

@Controller('probe')
class ProbeController {
  @Public()
  @Post('items')
  @HttpCode(201)
  create(@Body() body: CreateItemDto): { keys: string[]; body: CreateItemDto } {
    return { keys: Object.keys(body), body };
  }

  @Public()
  @Get('items')
  list(@Query() query: ItemQueryDto, @RequestUrl() url: string) {
    const filters = [
      ['search', query.search],
      ['year', query.year],
      ['sort', query.sort],
    ] as const;
    return paginated(pageMeta(url, query, 25, filters), 'items', []);
  }

  @Public()
  @Get('items/:item_id')
  get(@Param() path: ItemPathDto): ItemPathDto {
    return path;
  }

  @Public()
  @Patch('orders/:order_id')
  update(@Param('order_id', new RulePipe(Rules.int())) orderId: number, @Body() body: UpdateItemDto) {
    return { orderId, sent: Object.keys(body), body };
  }

  /** Parameters declared body first: the 422 still lists path, query, body. */
  @Public()
  @Post('orders/:order_id/lines')
  addLine(@Body() body: SecretDto, @Query() query: PaginationQueryDto, @Param() path: OrderPathDto) {
    return { body, query, path };
  }

  @Public()
  @Get('conflict')
  conflict(): never {
    throw new ConflictException('Already there.');
  }

  @Public()
  @Get('page')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): never {
    throw new ConflictException('No page for you.');
  }

  @Public()
  @Get('boom')
  boom(): never {
    throw new Error('secret internals at /srv/app.ts:42');
  }

  @Public()
  @Post('empty')
  empty(): { ok: true } {
    return { ok: true };
  }

  @Auth()
  @Post('secret')
  secret(@Body() body: SecretDto): SecretDto {
    return body;
  }
}

const VALID_ITEM = {
  name: 'lamp',
  email: 'Buyer@Example.COM',
  count: '3',
  rating: 7.5,
  price: 9.99,
  mood: 'happy',
  tags: ['a', 'b'],
};

describe('HTTP foundation', () => {
  let t: TestApp;
  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const postJson = (url: string, payload: string, headers: Record<string, string> = {}) =>
    inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });

  beforeAll(async () => {
    t = await createTestApp({ controllers: [ProbeController], env: { DOCS_PUBLIC: 'true' } });
  });
  afterAll(() => t.close());

  it('documents Field DTOs in OpenAPI', async () => {
    const document = (await inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(document.components.schemas.CreateItemDto).toEqual(
      expect.objectContaining({
        required: ['name', 'email', 'count', 'rating', 'price', 'mood', 'tags'],
        properties: expect.objectContaining({
          name: expect.objectContaining({ type: 'string', minLength: 1, maxLength: 10 }),
          email: expect.objectContaining({ type: 'string', format: 'email' }),
          count: expect.objectContaining({ type: 'integer', exclusiveMinimum: 0 }),
          price: expect.objectContaining({ type: 'string', format: 'decimal' }),
          mood: expect.objectContaining({ type: 'string', enum: ['happy', 'sad'] }),
          tags: expect.objectContaining({ type: 'array', items: expect.objectContaining({ type: 'string', maxLength: 5 }) }),
          featured: expect.objectContaining({ type: 'boolean', default: false }),
        }),
      }),
    );
  });

  describe('routing', () => {
    it.each(['/probe/items', '/probe/items/'])('answers GET %s directly, without a redirect', async (url) => {
      const res = await inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
    });

    it.each(['/probe/items', '/probe/items/'])('answers POST %s directly', async (url) => {
      const res = await postJson(url, JSON.stringify(VALID_ITEM));
      expect(res.statusCode).toBe(201);
    });

    it('answers an unknown path with 404 Not Found', async () => {
      const res = await inject({ method: 'GET', url: '/nowhere/at/all/' });
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 404, body: { detail: HTTP_MESSAGES.notFound } });
    });

    it('answers a known path with the wrong method with 405 and an Allow header', async () => {
      const res = await inject({ method: 'DELETE', url: '/probe/items/' });
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 405, body: { detail: HTTP_MESSAGES.methodNotAllowed } });
      expect(res.headers.allow?.toString().split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    });

    it('answers an unknown path with 404 whatever its body', async () => {
      const res = await postJson('/nowhere/', '{"broken": ');
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 404, body: { detail: HTTP_MESSAGES.notFound } });
    });

    it('answers a malformed URL with 400 and a detail', async () => {
      const res = await inject({ method: 'GET', url: '/probe/items/%E0%A4%A' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ detail: expect.stringContaining('is not a valid url component') });
      expect(res.headers['x-request-id']).toBeDefined();
    });

    it('gives 405 for a parameterised path too', async () => {
      const res = await inject({ method: 'PUT', url: '/probe/orders/7/' });
      expect(res.statusCode).toBe(405);
      expect(res.headers.allow).toBe('PATCH');
    });
  });

  describe('errors', () => {
    it('sends an HttpException as {"detail": message}', async () => {
      const res = await inject({ method: 'GET', url: '/probe/conflict/' });
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 409, body: { detail: 'Already there.' } });
    });

    it('answers errors in JSON even from a route that answers HTML', async () => {
      const res = await inject({ method: 'GET', url: '/probe/page/' });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 409, body: { detail: 'No page for you.' } });
    });

    it('turns an unknown error into a JSON 500 without internals', async () => {
      const res = await inject({ method: 'GET', url: '/probe/boom/' });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toBe(JSON.stringify({ detail: HTTP_MESSAGES.internalError }));
    });

    it('answers a body over the limit with 413 and a detail', async () => {
      const res = await postJson('/probe/items/', JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }));
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 413, body: { detail: 'Request body is too large' } });
    });

    it('answers a JSON body that is not UTF-8 with 400', async () => {
      const res = await inject({
        method: 'POST',
        url: '/probe/items/',
        payload: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
        headers: { 'content-type': 'application/json' },
      });
      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 400, body: { detail: BODY_PARSE_ERROR } });
    });
  });

  describe('request ids', () => {
    it('generates one when the caller sends none, on successes and errors alike', async () => {
      for (const url of ['/probe/items/', '/nowhere/', '/probe/boom/']) {
        const res = await inject({ method: 'GET', url });
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    });

    it('gives every request its own id', async () => {
      const [a, b] = await Promise.all([inject({ method: 'GET', url: '/probe/items/' }), inject({ method: 'GET', url: '/probe/items/' })]);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });

    it('echoes a sane incoming X-Request-Id', async () => {
      const res = await inject({ method: 'GET', url: '/probe/conflict/', headers: { 'x-request-id': 'edge-7f3a.9:b' } });
      expect(res.headers['x-request-id']).toBe('edge-7f3a.9:b');
    });

    it.each([['has spaces and "quotes"'], ['x'.repeat(200)], ['line\\nbreak']])('replaces an unacceptable one (%#)', async (given) => {
      const res = await inject({ method: 'GET', url: '/probe/items/', headers: { 'x-request-id': given } });
      expect(res.headers['x-request-id']).not.toBe(given);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('request bodies', () => {
    it('returns a DTO with only the declared fields, coerced and normalised, defaults applied', async () => {
      const res = await postJson('/probe/items/', JSON.stringify({ ...VALID_ITEM, is_admin: true, group_id: 1 }));
      expect(res.json()).toEqual({
        keys: ['name', 'email', 'count', 'rating', 'price', 'mood', 'tags', 'featured'],
        body: { name: 'lamp', email: 'Buyer@example.com', count: 3, rating: 7.5, price: '9.99', mood: 'happy', tags: ['a', 'b'], featured: false },
      });
    });

    it('treats a body without Content-Type, or with an application/*+json one, as JSON, like FastAPI', async () => {
      const bare = await inject({ method: 'POST', url: '/probe/items/', payload: JSON.stringify(VALID_ITEM) });
      expect(bare.statusCode).toBe(201);
      const vendor = await postJson('/probe/items/', JSON.stringify(VALID_ITEM), { 'content-type': 'application/vnd.api+json; charset=utf-8' });
      expect(vendor.statusCode).toBe(201);
    });

    it('answers a body of another type on a body route with model_attributes_type', async () => {
      const res = await inject({ method: 'POST', url: '/probe/items/', payload: 'name=lamp', headers: { 'content-type': 'text/plain' } });
      expect(res.json()).toEqual({ detail: [expect.objectContaining({ type: 'model_attributes_type', loc: ['body'], input: 'name=lamp' })] });
    });

    it('reports every invalid field in declaration order, with pydantic types, messages and ctx', async () => {
      const res = await postJson(
        '/probe/items/',
        JSON.stringify({ name: '', email: 'not-an-email', count: -10, rating: 11, price: '9.999', mood: 'LIKE', tags: ['ok', 123, 'toolong'], year: 0 }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json()).toEqual({
        detail: [
          { type: 'string_too_short', loc: ['body', 'name'], msg: 'String should have at least 1 character', input: '', ctx: { min_length: 1 } },
          {
            type: 'value_error',
            loc: ['body', 'email'],
            msg: 'value is not a valid email address: An email address must have an @-sign.',
            input: 'not-an-email',
            ctx: { reason: 'An email address must have an @-sign.' },
          },
          { type: 'greater_than', loc: ['body', 'count'], msg: 'Input should be greater than 0', input: -10, ctx: { gt: 0 } },
          { type: 'less_than_equal', loc: ['body', 'rating'], msg: 'Input should be less than or equal to 10', input: 11, ctx: { le: 10 } },
          {
            type: 'decimal_max_places',
            loc: ['body', 'price'],
            msg: 'Decimal input should have no more than 2 decimal places',
            input: '9.999',
            ctx: { decimal_places: 2 },
          },
          { type: 'enum', loc: ['body', 'mood'], msg: "Input should be 'happy' or 'sad'", input: 'LIKE', ctx: { expected: "'happy' or 'sad'" } },
          { type: 'string_type', loc: ['body', 'tags', 1], msg: 'Input should be a valid string', input: 123 },
          { type: 'string_too_long', loc: ['body', 'tags', 2], msg: 'String should have at most 5 characters', input: 'toolong', ctx: { max_length: 5 } },
          { type: 'value_error', loc: ['body', 'year'], msg: 'Value error, Year cannot be before 1895', input: 0, ctx: { error: {} } },
        ],
      });
    });

    it('echoes the whole body as the input of a missing field', async () => {
      const { name: _name, ...rest } = VALID_ITEM;
      const res = await postJson('/probe/items/', JSON.stringify({ ...rest, extra: 1 }));
      expect(res.json()).toEqual({
        detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: { ...rest, extra: 1 } }],
      });
    });

    it.each([
      ['no body', undefined],
      ['an empty body', ''],
      ['JSON null', 'null'],
    ])('answers %s with the body itself missing', async (_case, payload) => {
      const res = await inject({ method: 'POST', url: '/probe/items/', payload, headers: { 'content-type': 'application/json' } });
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 422,
        body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] },
      });
    });

    it('answers a JSON array with model_attributes_type', async () => {
      const res = await postJson('/probe/items/', '[1, 2]');
      expect(res.json()).toEqual({
        detail: [
          {
            type: 'model_attributes_type',
            loc: ['body'],
            msg: 'Input should be a valid dictionary or object to extract fields from',
            input: [1, 2],
          },
        ],
      });
    });

    it('answers malformed JSON with json_invalid at the character offset, as Python reports it', async () => {
      const res = await postJson('/probe/items/', '{"name": "lamp", "count": }');
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 422,
        body: { detail: [{ type: 'json_invalid', loc: ['body', 26], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } }] },
      });
    });

    it('reports malformed JSON before authentication, and authentication before validation', async () => {
      const malformed = await postJson('/probe/secret/', '{"refresh_token": ');
      expect(malformed.json().detail[0]).toMatchObject({ type: 'json_invalid', ctx: { error: 'Expecting value' } });
      const invalid = await postJson('/probe/secret/', '{}');
      expect({ status: invalid.statusCode, body: invalid.json() }).toEqual({ status: 401, body: { detail: AUTH_MESSAGES.headerMissing } });
    });

    it('lets routes without a body model ignore any body', async () => {
      const res = await inject({ method: 'POST', url: '/probe/empty/', payload: 'hello', headers: { 'content-type': 'text/plain' } });
      expect(res.json()).toEqual({ ok: true });
    });

    it('keeps absent PATCH fields unset and explicit nulls as null', async () => {
      const res = await inject({ method: 'PATCH', url: '/probe/orders/7/', payload: { name: 'desk', released: null } });
      expect(res.json()).toEqual({ orderId: 7, sent: ['name', 'released'], body: { name: 'desk', released: null } });
    });

    it('applies the create rules to PATCH fields that are sent', async () => {
      const res = await inject({ method: 'PATCH', url: '/probe/orders/7/', payload: { count: 0, released: '2020-13-01' } });
      expect(res.json().detail.map((issue: { type: string; loc: unknown[] }) => [issue.type, issue.loc])).toEqual([
        ['greater_than', ['body', 'count']],
        ['date_from_datetime_parsing', ['body', 'released']],
      ]);
    });
  });

  describe('query and path parameters', () => {
    it('echoes query inputs as the raw strings', async () => {
      const res = await inject({ method: 'GET', url: '/probe/items/?page=0&per_page=50' });
      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 422,
        body: {
          detail: [
            { type: 'greater_than_equal', loc: ['query', 'page'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
            { type: 'less_than_equal', loc: ['query', 'per_page'], msg: 'Input should be less than or equal to 20', input: '50', ctx: { le: 20 } },
          ],
        },
      });
    });

    it('answers a bad UUID path parameter with uuid_parsing', async () => {
      const res = await inject({ method: 'GET', url: '/probe/items/xyz/' });
      expect(res.json()).toEqual({
        detail: [
          {
            type: 'uuid_parsing',
            loc: ['path', 'item_id'],
            msg: 'Input should be a valid UUID, invalid character: found `x` at 1',
            input: 'xyz',
            ctx: { error: 'invalid character: found `x` at 1' },
          },
        ],
      });
    });

    it('returns the UUID canonical', async () => {
      const res = await inject({ method: 'GET', url: '/probe/items/0F8C2E6A3B1D4E5F8A9B0C1D2E3F4A5B/' });
      expect(res.json()).toEqual({ item_id: '0f8c2e6a-3b1d-4e5f-8a9b-0c1d2e3f4a5b' });
    });

    it('validates a single named parameter with RulePipe', async () => {
      const res = await inject({ method: 'PATCH', url: '/probe/orders/abc/', payload: {} });
      expect(res.json()).toEqual({
        detail: [
          { type: 'int_parsing', loc: ['path', 'order_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' },
        ],
      });
    });

    it('orders the problems path, query, body whatever the order of the handler parameters', async () => {
      const res = await inject({ method: 'POST', url: '/probe/orders/x/lines/?per_page=0', payload: { refresh_token: 5 } });
      expect(res.json().detail.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
        ['path', 'order_id'],
        ['query', 'per_page'],
        ['body', 'refresh_token'],
      ]);
    });

    it('lists path, then query, then body problems in one 422, as FastAPI does', async () => {
      const res = await inject({ method: 'PATCH', url: '/probe/orders/abc/', payload: { count: 'many' } });
      expect(res.json().detail.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
        ['path', 'order_id'],
        ['body', 'count'],
      ]);
    });
  });

  describe('pagination links', () => {
    it('builds absolute links from the Host header with the given filters, sort, page and per_page', async () => {
      const res = await inject({
        method: 'GET',
        url: '/probe/items/?per_page=10&page=2&search=star%20wars%40home&year=0&sort=-year&unknown=1',
        headers: { host: 'cinema.example:8001' },
      });
      expect(res.json()).toEqual({
        prev_page: 'http://cinema.example:8001/probe/items/?search=star+wars%40home&sort=-year&page=1&per_page=10',
        next_page: 'http://cinema.example:8001/probe/items/?search=star+wars%40home&sort=-year&page=3&per_page=10',
        total_pages: 3,
        total_items: 25,
        items: [],
      });
    });
  });
});

@Controller('log-probe')
class LogProbeController {
  private readonly logger = new Logger('LogProbe');

  @Public()
  @Post('login')
  login(@Body() body: SecretDto): { ok: true } {
    this.logger.log({ event: 'login', password: 'hunter2', body });
    return { ok: true };
  }

  @Public()
  @Get('fail')
  fail(): never {
    throw new Error('kaboom');
  }
}

describe('structured logs', () => {
  let t: TestApp;
  const lines: Array<Record<string, unknown>> = [];
  const linesOf = (requestId: string) => lines.filter((line) => line.request_id === requestId);

  beforeAll(async () => {
    const logger = createLogger({ logLevel: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    t = await createTestApp({ controllers: [LogProbeController], logger });
  });
  afterAll(() => t.close());

  it("writes Nest's own logs as JSON lines with their context", () => {
    expect(lines).toContainEqual(expect.objectContaining({ level: 'info', context: 'NestApplication', msg: expect.any(String) }));
  });

  it('writes one line per request with its id, method, url, status and duration, credentials redacted', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/log-probe/login/?token=abc&page=2',
      payload: { refresh_token: 'r-123' },
      headers: { 'x-request-id': 'log-test-1', authorization: 'Bearer secret' },
    });
    const access = linesOf('log-test-1').filter((line) => line.msg === 'request completed');
    expect(access).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'POST',
        url: '/log-probe/login/?token=[Redacted]&page=2',
        status_code: 201,
        duration_ms: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|r-123|Bearer secret|abc&/);
  });

  it("gives the lines written through Nest's Logger during a request the request id", async () => {
    await t.app.inject({ method: 'POST', url: '/log-probe/login/', payload: { refresh_token: 'r-456' }, headers: { 'x-request-id': 'log-test-2' } });
    expect(linesOf('log-test-2')).toContainEqual(
      expect.objectContaining({ context: 'LogProbe', data: { event: 'login', password: '[Redacted]', body: { refresh_token: '[Redacted]' } } }),
    );
  });

  it('logs an unhandled error once, with its stack and the request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/log-probe/fail/', headers: { 'x-request-id': 'log-test-3' } });
    expect(res.body).not.toMatch(/kaboom/);
    const errors = linesOf('log-test-3').filter((line) => line.level === 'error');
    expect(errors).toEqual([expect.objectContaining({ err: expect.objectContaining({ message: 'kaboom', stack: expect.stringMatching(/kaboom\n\s+at /) }) })]);
    expect(linesOf('log-test-3')).toContainEqual(expect.objectContaining({ msg: 'request completed', status_code: 500 }));
  });
});
