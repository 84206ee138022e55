import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { DocsAccess } from '../common/auth/docs-access.service';
import type { AppConfig } from '../core/config/app-config';
import { adminPageGuard } from './admin-page-guard';

export const DOCS_PATHS = { ui: '/docs', document: '/openapi.json', redoc: '/redoc' } as const;

/** Sent with every 401 of the docs routes, so that a browser asks for the admin's credentials. */
export const DOCS_AUTH_CHALLENGE = 'Basic realm="Online Cinema docs", charset="UTF-8"';

/**
 * The document's tags, in display order: the reference's (note the singular `order` and
 * `payment`) and those of the extensions. Controllers use these names in `@ApiTags()`.
 */
const TAGS: ReadonlyArray<readonly [name: string, description: string]> = [
  ['accounts', 'Registration, activation, login, tokens and passwords'],
  ['profiles', 'User profiles and avatars'],
  ['admin', 'Administration (admins only)'],
  ['movies', 'Catalog: movies, genres, stars, directors, certifications'],
  ['engagement', 'Reactions, ratings, comments and favorites'],
  ['notifications', 'Notifications of replies and likes'],
  ['cart', 'Shopping cart'],
  ['order', 'Orders, cancellations and refunds'],
  ['payment', 'Checkout, payments and the Stripe webhook'],
  ['purchases', 'Purchased movies'],
  ['health', 'Liveness and readiness'],
];

const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

// Both pages fetch the document from the same origin, so the browser sends along the Basic
// credentials the admin typed for the page itself.
const SWAGGER_UI_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Online Cinema - Swagger UI</title>
  <link rel="stylesheet" href="${DOCS_PATHS.ui}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${DOCS_PATHS.ui}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${DOCS_PATHS.ui}/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '${DOCS_PATHS.document}',
      dom_id: '#swagger-ui',
      deepLinking: true,
      persistAuthorization: true,
    });
  </script>
</body>
</html>
`;

const REDOC_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Online Cinema - ReDoc</title>
  <style>body { margin: 0; padding: 0; }</style>
</head>
<body>
  <redoc spec-url="${DOCS_PATHS.document}"></redoc>
  <script src="https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"></script>
</body>
</html>
`;

function buildDocument(app: NestFastifyApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Online Cinema')
    .setDescription('Online Cinema API: a movie catalog and store, compatible with the reference FastAPI service')
    .setVersion('1.0.0')
    .addBearerAuth();
  for (const [name, description] of TAGS) builder.addTag(name, description);
  return SwaggerModule.createDocument(app, builder.build());
}

/**
 * Serves the OpenAPI document at `/openapi.json`, Swagger UI at `/docs` (assets under `/docs/`)
 * and ReDoc at `/redoc` (reference 13). Unless `DOCS_PUBLIC=true`, every one of these routes is
 * for admins only (`DocsAccess`). The document is built on first request, then kept: routes do
 * not change while the process runs. Must be called before `app.init()`.
 */
export function setupSwagger(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  const routeOptions = config.docsPublic ? {} : { onRequest: adminPageGuard(app.get(DocsAccess), DOCS_AUTH_CHALLENGE) };
  let document: OpenAPIObject | null = null;

  fastify.get(DOCS_PATHS.document, routeOptions, async () => (document ??= buildDocument(app)));
  fastify.get(DOCS_PATHS.ui, routeOptions, (_request, reply) => reply.type('text/html; charset=utf-8').send(SWAGGER_UI_HTML));
  fastify.get(DOCS_PATHS.redoc, routeOptions, (_request, reply) => reply.type('text/html; charset=utf-8').send(REDOC_HTML));
  for (const [file, type] of Object.entries(SWAGGER_UI_ASSETS)) {
    fastify.get(`${DOCS_PATHS.ui}/${file}`, routeOptions, (_request, reply) =>
      reply.type(type).send(createReadStream(join(SWAGGER_UI_DIR, file))),
    );
  }
}
