import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module';
import { CommentsController, MovieCommentsController } from './comments.controller';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';

/** Comments on movies, their replies and likes (CONTRACT.md C.3); replies and likes notify (C.4). */
@Module({
  imports: [NotificationsModule],
  controllers: [MovieCommentsController, CommentsController],
  providers: [CommentsService, CommentsRepository],
})
export class CommentsModule {}
