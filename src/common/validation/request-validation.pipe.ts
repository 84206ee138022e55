import { type ArgumentMetadata, Injectable, type Paramtype, type PipeTransform } from '@nestjs/common';
import { hasFields } from './field.decorators';
import type { Rule } from './rule';
import { validateInput, validateParameter } from './validate-input';
import type { InputSource } from './validation-issue';

const SOURCES: Partial<Record<Paramtype, InputSource>> = { body: 'body', query: 'query', param: 'path' };

/** The source a route parameter is validated as, if it is validated at all. */
export function inputSourceOf(type: Paramtype): InputSource | undefined {
  return SOURCES[type];
}

/**
 * The global pipe: a `@Body()`, `@Query()` or `@Param()` parameter typed with a DTO declared
 * with `Field.*` is validated and replaced by the DTO (422 list otherwise). Other parameters pass
 * through untouched. `RequestValidationInterceptor` has already checked every parameter of the
 * route together, so that the 422 lists path, query and body problems at once, as FastAPI does.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, { type, metatype }: ArgumentMetadata): unknown {
    const source = SOURCES[type];
    if (!source || !metatype || !hasFields(metatype)) return value;
    return validateInput(metatype, value, source);
  }
}

/**
 * Validates one named path or query parameter with a rule, without a DTO:
 * `@Param('order_id', new RulePipe(Rules.int())) orderId: number`.
 */
export class RulePipe<T> implements PipeTransform<unknown, T> {
  constructor(readonly rule: Rule<T>) {}

  transform(value: unknown, { type, data }: ArgumentMetadata): T {
    const source = SOURCES[type];
    if (!source || source === 'body' || !data) {
      throw new TypeError('RulePipe validates a named path or query parameter: @Param(name, pipe) or @Query(name, pipe)');
    }
    return validateParameter(this.rule, value, source, data);
  }
}
