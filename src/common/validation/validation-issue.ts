import { UnprocessableEntityException } from '@nestjs/common';

/** Where a request input comes from; the first element of every 422 `loc`. */
export type InputSource = 'path' | 'query' | 'body';

export type LocSegment = string | number;

/**
 * One entry of the FastAPI/pydantic 422 list (reference section 14): `type` and `msg` use
 * pydantic's vocabulary and wording, `input` echoes the offending value, `ctx` is present only
 * when pydantic has one. There is never a `url`.
 */
export interface ValidationIssue {
  type: string;
  loc: LocSegment[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** A 422 whose body is `{"detail": [issues...]}`; the global filter sends it as it is. */
export class RequestValidationException extends UnprocessableEntityException {
  constructor(readonly issues: ValidationIssue[]) {
    super({ detail: issues });
  }
}
