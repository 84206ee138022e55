import { RouteConfig } from '@nestjs/platform-fastify';

/** The Fastify route-config flag read by the JSON body parser (`body-parsers.ts`). */
export const RAW_BODY_ONLY = 'rawBodyOnly';

/**
 * The route reads its body as bytes (`rawBody`) and judges them itself: the JSON parser keeps the
 * bytes and does not parse them, so a malformed body reaches the route (the Stripe webhook
 * answers it with its own 400) instead of a 422 `json_invalid`.
 */
export const RawBodyOnly = (): MethodDecorator => RouteConfig({ [RAW_BODY_ONLY]: true });
