import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { ProfileFieldsDto } from './dto/profile-fields.dto';
import { ProfileForm, type ProfileInput } from './form/profile-input.pipe';
import type { ProfileResponse } from './profile.responses';
import { PROFILES_MESSAGES } from './profiles.messages';
import { ProfilesService } from './profiles.service';

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'application/json'];
const FIELD_RULES = `A profile rule, with a string detail (e.g. "${PROFILES_MESSAGES.gender}"), or request validation (a list)`;

/**
 * The reference's `/profiles` routes (its section 4). Any signed-in user reaches them; the
 * service lets only the profile's owner or an admin through (403 otherwise).
 */
@ApiTags('profiles')
@Controller('profiles/users/:user_id')
@ApiParam({ name: 'user_id', type: 'integer' })
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Auth()
  @Post()
  @HttpCode(201)
  @ApiConsumes(...FORM_TYPES)
  @ApiBody({ type: ProfileFieldsDto, required: false })
  @ApiResponse({ status: 201, description: 'The profile; `avatar` is a URL, or "" without one' })
  @ApiResponse({ status: 400, description: `${PROFILES_MESSAGES.noFilename}, or a multipart body that cannot be read` })
  @ApiResponse({ status: 404, description: PROFILES_MESSAGES.userNotFound })
  @ApiResponse({ status: 409, description: PROFILES_MESSAGES.profileExists })
  @ApiResponse({ status: 422, description: FIELD_RULES })
  create(@CurrentUser() caller: AuthenticatedUser, @ProfileForm() input: ProfileInput): Promise<ProfileResponse> {
    return this.profiles.create(caller, input);
  }

  @Auth()
  @Patch()
  @ApiConsumes(...FORM_TYPES)
  @ApiBody({ type: ProfileFieldsDto, required: false })
  @ApiResponse({ status: 200, description: 'The profile; fields not sent are unchanged, a new avatar replaces the old one' })
  @ApiResponse({ status: 400, description: `${PROFILES_MESSAGES.noFilename}, or a multipart body that cannot be read` })
  @ApiResponse({ status: 404, description: PROFILES_MESSAGES.profileNotFound })
  @ApiResponse({ status: 422, description: FIELD_RULES })
  update(@CurrentUser() caller: AuthenticatedUser, @ProfileForm() input: ProfileInput): Promise<ProfileResponse> {
    return this.profiles.update(caller, input);
  }

  @Auth()
  @Get()
  @ApiResponse({ status: 200, description: 'The profile' })
  @ApiResponse({ status: 404, description: PROFILES_MESSAGES.profileNotFound })
  view(@CurrentUser() caller: AuthenticatedUser, @Param('user_id', new RulePipe(Rules.int())) userId: number): Promise<ProfileResponse> {
    return this.profiles.view(caller, userId);
  }
}
