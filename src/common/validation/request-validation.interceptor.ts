import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, type PipeTransform } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { hasFields } from './field.decorators';
import { RulePipe } from './request-validation.pipe';
import { validateInput, validateParameter } from './validate-input';
import { type InputSource, RequestValidationException, type ValidationIssue } from './validation-issue';

const SOURCES: Partial<Record<number, InputSource>> = {
  [RouteParamtypes.PARAM]: 'path',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.BODY]: 'body',
};
const SOURCE_ORDER: InputSource[] = ['path', 'query', 'body'];

interface ParameterCheck {
  source: InputSource;
  index: number;
  run(request: FastifyRequest): void;
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/**
 * FastAPI validates a route's path parameters, then its query, then its body, and answers one
 * 422 listing every problem (reference 1.5 and 14). Nest's pipes validate each parameter on its
 * own, concurrently, so the first failing one would win. This interceptor runs after the guards
 * (authentication and roles come first, CONTRACT.md A) and before the pipes: it validates every
 * `Field.*` DTO and `RulePipe` parameter of the route in FastAPI's order and throws the gathered
 * 422. The pipes then build the DTOs from the same, now known-good, input.
 *
 * The parameter list comes from Nest's route-argument metadata (`@Body()`, `@Query()`,
 * `@Param()`), which is what Nest itself and `@nestjs/swagger` read.
 */
@Injectable()
export class RequestValidationInterceptor implements NestInterceptor {
  private readonly plans = new WeakMap<Function, ParameterCheck[]>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const issues: ValidationIssue[] = [];
    for (const check of this.planFor(context)) {
      try {
        check.run(request);
      } catch (error) {
        if (!(error instanceof RequestValidationException)) throw error;
        issues.push(...error.issues);
      }
    }
    if (issues.length > 0) throw new RequestValidationException(issues);
    return next.handle();
  }

  private planFor(context: ExecutionContext): ParameterCheck[] {
    const handler = context.getHandler();
    let plan = this.plans.get(handler);
    if (!plan) {
      plan = buildPlan(context.getClass(), handler);
      this.plans.set(handler, plan);
    }
    return plan;
  }
}

function buildPlan(controller: Function, handler: Function): ParameterCheck[] {
  const args: Record<string, RouteArgument> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {};
  const types: Function[] = Reflect.getMetadata('design:paramtypes', controller.prototype, handler.name) ?? [];
  const checks: ParameterCheck[] = [];
  for (const [key, { index, data, pipes = [] }] of Object.entries(args)) {
    const source = SOURCES[Number(key.split(':')[0])];
    if (!source) continue;
    const name = typeof data === 'string' ? data : undefined;
    const valueOf = (request: FastifyRequest) => {
      const raw = (source === 'path' ? request.params : source === 'query' ? request.query : request.body) as Record<string, unknown> | undefined;
      return name === undefined ? raw : raw?.[name];
    };
    const rulePipe = (pipes as PipeTransform[]).find((pipe): pipe is RulePipe<unknown> => pipe instanceof RulePipe);
    const metatype = types[index];
    if (rulePipe && name !== undefined && source !== 'body') {
      checks.push({ source, index, run: (request) => void validateParameter(rulePipe.rule, valueOf(request), source, name) });
    } else if (metatype && hasFields(metatype)) {
      checks.push({ source, index, run: (request) => void validateInput(metatype as new () => unknown, valueOf(request), source) });
    }
  }
  return checks.sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) || a.index - b.index);
}
