import { Body, Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RulePipe } from '../../common/validation/request-validation.pipe';
import { Rules } from '../../common/validation/rules';
import { RatingDto } from './dto/rating.dto';
import type { RatingResponse } from './engagement.responses';
import { RatingsService } from './ratings.service';

const movieUuid = () => new RulePipe(Rules.uuid());

/** The caller's score of a movie, 1 to 10 (CONTRACT.md C.3). */
@ApiTags('engagement')
@Auth()
@Controller('movies')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Put(':movie_uuid/rating')
  set(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', movieUuid()) uuid: string, @Body() body: RatingDto): Promise<RatingResponse> {
    return this.ratings.set(user.id, uuid, body.score);
  }

  @Delete(':movie_uuid/rating')
  clear(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', movieUuid()) uuid: string): Promise<RatingResponse> {
    return this.ratings.clear(user.id, uuid);
  }
}
