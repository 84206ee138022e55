import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, Public } from '../../src/common/auth/auth.decorators';
import { AUTH_MESSAGES } from '../../src/common/auth/auth.messages';
import { RATE_LIMIT_MESSAGE, RATE_LIMITS } from '../../src/common/rate-limit/rate-limit.rules';
import { DOCS_AUTH_CHALLENGE } from '../../src/bootstrap/swagger';
import { UserGroupName } from '../../src/modules/accounts/entities/user-group.entity';
import { createTestApp, type TestApp } from '../utils/app';
import { accessTokenFor, basic, bearer, insertUser, type TestUser } from '../utils/auth';

@ApiTags('movies')
@Controller('docs-probe')
class DocsProbeController {
  @Public()
  @Get('open')
  open(): string {
    return 'open';
  }

  @Auth()
  @Get('private')
  private(): string {
    return 'private';
  }
}

const DOCS_ROUTES = ['/docs', '/docs/', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/openapi.json', '/redoc'];

describe('API docs', () => {
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp({ controllers: [DocsProbeController] });
    admin = await insertUser(t, { email: 'Docs.Admin@Example.com', group: UserGroupName.Admin });
    user = await insertUser(t);
  });
  afterAll(() => t.close());

  it.each(DOCS_ROUTES)('asks an anonymous browser for credentials on %s', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: AUTH_MESSAGES.headerMissing });
    expect(res.headers['www-authenticate']).toBe(DOCS_AUTH_CHALLENGE);
  });

  it("serves the document to an admin's Bearer token", async () => {
    const res = await get('/openapi.json', bearer(accessTokenFor(t, admin.id)));
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document).toMatchObject({ openapi: '3.1.0', info: { title: 'Online Cinema', version: '1.0.0' } });
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual(expect.arrayContaining(['accounts', 'movies', 'cart', 'order', 'payment']));
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/docs-probe/private'].get).toMatchObject({ tags: ['movies'], security: [{ bearer: [] }] });
    expect(document.paths['/docs-probe/open'].get.security).toBeUndefined();
  });

  it("serves the UI, its assets, the document and ReDoc to an admin's Basic credentials (e-mail in any case)", async () => {
    const credentials = basic(admin.email.toUpperCase(), admin.password);

    const ui = await get('/docs', credentials);
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
    expect(ui.body).toContain("url: '/openapi.json'");

    const bundle = await get('/docs/swagger-ui-bundle.js', credentials);
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/^application\/javascript/);
    expect(bundle.body).toContain('SwaggerUIBundle');
    expect((await get('/docs/swagger-ui.css', credentials)).statusCode).toBe(200);

    // What the page then fetches, with the credentials the browser keeps for this origin.
    const document = await get('/openapi.json', credentials);
    expect(document.statusCode).toBe(200);
    expect(document.json().info.title).toBe('Online Cinema');

    const redoc = await get('/redoc/', credentials);
    expect(redoc.statusCode).toBe(200);
    expect(redoc.body).toContain('spec-url="/openapi.json"');
  });

  it('refuses a user who is not an admin, by token or by password', async () => {
    for (const headers of [bearer(accessTokenFor(t, user.id)), basic(user.email, user.password)]) {
      const res = await get('/docs', headers);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ detail: AUTH_MESSAGES.adminRequired });
      expect(res.headers['www-authenticate']).toBeUndefined();
    }
  });

  it('asks again for wrong, unknown or malformed Basic credentials', async () => {
    const malformed = { authorization: `Basic ${Buffer.from(admin.email).toString('base64')}` };
    for (const headers of [basic(admin.email, 'Wrong!Passw0rd'), basic('nobody@example.com', admin.password), malformed]) {
      const res = await get('/openapi.json', headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ detail: AUTH_MESSAGES.invalidCredentials });
      expect(res.headers['www-authenticate']).toBe(DOCS_AUTH_CHALLENGE);
    }
  });

  it("gives an invalid Bearer token the guard's answer, with the challenge", async () => {
    const res = await get('/docs', bearer('not-a-jwt'));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ detail: AUTH_MESSAGES.tokenInvalid });
    expect(res.headers['www-authenticate']).toBe(DOCS_AUTH_CHALLENGE);
  });

  it('refuses an inactive admin', async () => {
    const inactive = await insertUser(t, { group: UserGroupName.Admin, isActive: false });
    const res = await get('/docs', basic(inactive.email, inactive.password));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ detail: AUTH_MESSAGES.userInactive });
  });
});

describe('API docs with the rate limits on', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_ENABLED: 'true' } });
  });
  afterAll(() => t.close());

  it("lets an admin's browser fetch page after page with Basic credentials", async () => {
    const admin = await insertUser(t, { group: UserGroupName.Admin });
    for (let request = 0; request <= RATE_LIMITS.loginPerAccount.limit; request += 1) {
      expect((await get('/docs/swagger-ui.css', basic(admin.email, admin.password))).statusCode).toBe(200);
    }
  });

  it("counts wrong Basic passwords against the account's login budget: no password guessing through the docs", async () => {
    const victim = await insertUser(t);
    const { limit, windowSeconds } = RATE_LIMITS.loginPerAccount;
    for (let attempt = 0; attempt < limit; attempt += 1) {
      expect((await get('/openapi.json', basic(victim.email.toUpperCase(), `Guess!${attempt}Aa`))).statusCode).toBe(401);
    }

    // Not even the right password tells a 403 from a 401 any more, here or at the login route.
    const refused = await get('/openapi.json', basic(victim.email, victim.password));
    expect({ status: refused.statusCode, body: refused.json() }).toEqual({ status: 429, body: { detail: RATE_LIMIT_MESSAGE } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(windowSeconds - 60);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(windowSeconds);
    const login = await t.app.inject({ method: 'POST', url: '/accounts/login/', payload: { email: victim.email, password: victim.password } });
    expect(login.statusCode).toBe(429);
  });

  it('holds the budget against guesses sent all at once', async () => {
    const victim = await insertUser(t);
    const { limit } = RATE_LIMITS.loginPerAccount;

    const guesses = await Promise.all(Array.from({ length: limit + 5 }, (_, i) => get('/openapi.json', basic(victim.email, `Guess!${i}Aa`))));

    const statuses = guesses.map((res) => res.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });
});

describe('API docs with DOCS_PUBLIC=true', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCS_PUBLIC: 'true' } });
  });
  afterAll(() => t.close());

  it.each(DOCS_ROUTES)('serves %s to anyone', async (url) => {
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200);
  });
});
