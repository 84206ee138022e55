import { createParamDecorator, type ExecutionContext, Injectable, type PipeTransform } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { valueError, located } from '../../../common/validation/pydantic-errors';
import { Rules } from '../../../common/validation/rules';
import { validateInput, validateParameter } from '../../../common/validation/validate-input';
import { RequestValidationException, type ValidationIssue } from '../../../common/validation/validation-issue';
import { ProfileFieldsDto } from '../dto/profile-fields.dto';
import { PROFILES_MESSAGES } from '../profiles.messages';
import { type AvatarUpload, readProfileForm } from './profile-form';

/** A profile write request after FastAPI's own validation (path, then body): what the service gets. */
export interface ProfileInput {
  userId: number;
  fields: ProfileFieldsDto;
  avatar: AvatarUpload | null;
}

/**
 * Reads the form of a profile write and validates it with the path's `user_id` the way FastAPI
 * does before the handler: every problem in one list-shaped 422 (reference 1.5). Runs as a
 * parameter pipe, so after authentication; it does the job of the global validation for these
 * routes, whose body is a stream rather than a parsed object.
 */
@Injectable()
export class ProfileInputPipe implements PipeTransform<FastifyRequest, Promise<ProfileInput>> {
  async transform(request: FastifyRequest): Promise<ProfileInput> {
    const form = await readProfileForm(request);
    // FastAPI reads an empty form value (and we a JSON `null`) as the field's absence.
    const values = Object.fromEntries(Object.entries(form.values).filter(([, value]) => value !== '' && value !== null));
    const issues: ValidationIssue[] = [];
    const userId = collect(issues, () => validateParameter(Rules.int(), (request.params as Record<string, unknown>).user_id, 'path', 'user_id'));
    const fields = collect(issues, () => validateInput(ProfileFieldsDto, values, 'body'));
    if (values.avatar !== undefined) {
      issues.push(located(valueError(PROFILES_MESSAGES.notAFile(pythonTypeName(values.avatar)), values.avatar), ['body', 'avatar']));
    }
    if (issues.length > 0 || userId === undefined || fields === undefined) throw new RequestValidationException(issues);
    return { userId, fields, avatar: form.avatar };
  }
}

function collect<T>(issues: ValidationIssue[], validate: () => T): T | undefined {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof RequestValidationException)) throw error;
    issues.push(...error.issues);
    return undefined;
  }
}

/** The Python type FastAPI names for a value that is not a file. */
function pythonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return Array.isArray(value) ? 'list' : 'dict';
}

const CurrentRequest = createParamDecorator((_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<FastifyRequest>());

/** The validated path and form of a profile write (`POST`/`PATCH /profiles/users/{user_id}/`). */
export const ProfileForm = (): ParameterDecorator => CurrentRequest(undefined, new ProfileInputPipe());
