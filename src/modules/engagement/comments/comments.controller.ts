import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../common/auth/auth.decorators';
import type { AuthenticatedUser } from '../../../common/auth/authenticated-user';
import { CurrentUser } from '../../../common/auth/current-user.decorator';
import { RequestUrl } from '../../../common/http/request-url.decorator';
import { RateLimit } from '../../../common/rate-limit/rate-limit.decorator';
import { RATE_LIMITS } from '../../../common/rate-limit/rate-limit.rules';
import { RulePipe } from '../../../common/validation/request-validation.pipe';
import { Rules } from '../../../common/validation/rules';
import type { CommentLikesResponse, CommentResponse, DetailResponse } from './comments.responses';
import { type CommentPage, CommentsService } from './comments.service';
import { CommentListQueryDto, CreateCommentDto, UpdateCommentDto } from './dto/comment.dto';

const movieUuid = () => new RulePipe(Rules.uuid());
const commentId = () => new RulePipe(Rules.int());

/** A movie's comments (CONTRACT.md C.3). */
@ApiTags('engagement')
@Auth()
@Controller('movies/:movie_uuid/comments')
export class MovieCommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('movie_uuid', movieUuid()) uuid: string,
    @Query() query: CommentListQueryDto,
    @RequestUrl() url: string,
  ): Promise<CommentPage> {
    return this.comments.list(user, uuid, query, url);
  }

  @RateLimit(RATE_LIMITS.commentsPerUser)
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Param('movie_uuid', movieUuid()) uuid: string, @Body() body: CreateCommentDto): Promise<CommentResponse> {
    return this.comments.create(user, uuid, body);
  }
}

/** One comment: edit, delete, like (CONTRACT.md C.3). */
@ApiTags('engagement')
@Auth()
@Controller('comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Patch(':comment_id')
  update(@CurrentUser() user: AuthenticatedUser, @Param('comment_id', commentId()) id: number, @Body() body: UpdateCommentDto): Promise<CommentResponse> {
    return this.comments.update(user, id, body);
  }

  @Delete(':comment_id')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('comment_id', commentId()) id: number): Promise<DetailResponse> {
    return this.comments.remove(user, id);
  }

  @RateLimit(RATE_LIMITS.commentLikesPerUser)
  @Put(':comment_id/like')
  like(@CurrentUser() user: AuthenticatedUser, @Param('comment_id', commentId()) id: number): Promise<CommentLikesResponse> {
    return this.comments.like(user, id);
  }

  @Delete(':comment_id/like')
  unlike(@CurrentUser() user: AuthenticatedUser, @Param('comment_id', commentId()) id: number): Promise<CommentLikesResponse> {
    return this.comments.unlike(user, id);
  }
}
