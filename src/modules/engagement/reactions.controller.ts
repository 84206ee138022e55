import { Body, Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { ReactionDto } from './dto/reaction.dto';
import type { ReactionResponse } from './engagement.responses';
import { ReactionsService } from './reactions.service';

const movieUuid = () => new RulePipe(Rules.uuid());

/** The caller's like or dislike of a movie (CONTRACT.md C.3). */
@ApiTags('engagement')
@Auth()
@Controller('movies')
export class ReactionsController {
  constructor(private readonly reactions: ReactionsService) {}

  @Put(':movie_uuid/reaction')
  set(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', movieUuid()) uuid: string, @Body() body: ReactionDto): Promise<ReactionResponse> {
    return this.reactions.set(user.id, uuid, body.reaction);
  }

  @Delete(':movie_uuid/reaction')
  clear(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', movieUuid()) uuid: string): Promise<ReactionResponse> {
    return this.reactions.clear(user.id, uuid);
  }
}
