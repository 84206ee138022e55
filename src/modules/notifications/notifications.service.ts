import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { pageMeta, type PageMeta, pageWindow } from '../../common/http/pagination';
import { MailService } from '../mail/mail.service';
import type { NotificationListQueryDto } from './dto/notification-list-query.dto';
import { NotificationType } from './entities/notification.entity';
import { NOTIFICATIONS_MESSAGES } from './notifications.messages';
import { NotificationsRepository } from './notifications.repository';
import { displayName, type NotificationResponse, type ReadAllResponse, toNotificationResponse } from './notifications.responses';

export type NotificationPage = PageMeta & { notifications: NotificationResponse[] };

/** Who did something to a comment, as the recipient is told. */
export interface CommentActor {
  id: number;
  firstName: string | null;
  lastName: string | null;
}

/** What a reply or a like notification is about. */
export interface CommentActivity {
  /** The author of the comment replied to or liked. */
  recipient: { id: number; email: string };
  actor: CommentActor;
  movie: { id: number; name: string };
  /** The comment replied to or liked. */
  commentText: string;
}

/**
 * Notifications (CONTRACT.md C.4): writes them for the events of other modules and serves the
 * recipient's list. Reply and like notifications go with an e-mail written to the outbox in the
 * caller's transaction, so both exist exactly when the reply or like does.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    private readonly mail: MailService,
  ) {}

  /** `GET /notifications/`: the caller's own, newest first; `unread=true` keeps the unread ones. */
  async list(userId: number, query: NotificationListQueryDto, url: string): Promise<NotificationPage> {
    const unreadOnly = query.unread === true;
    const { rows, total } = await this.notifications.listForUser(userId, unreadOnly, pageWindow(query));
    return { ...pageMeta(url, query, total, [['unread', unreadOnly ? 'true' : undefined]]), notifications: rows.map(toNotificationResponse) };
  }

  /**
   * Marks one of the caller's notifications read (again: no change) and returns it.
   *
   * @throws NotFoundException `Notification not found.` for an unknown id or someone else's.
   */
  async markRead(userId: number, id: number): Promise<NotificationResponse> {
    const row = await this.notifications.markRead(userId, id);
    if (!row) throw new NotFoundException(NOTIFICATIONS_MESSAGES.notificationNotFound);
    return toNotificationResponse(row);
  }

  async markAllRead(userId: number): Promise<ReadAllResponse> {
    const updated = await this.notifications.markAllRead(userId);
    return { detail: NOTIFICATIONS_MESSAGES.allRead, updated };
  }

  /**
   * Tells the author of a comment that `activity.actor` replied to it with `reply`: a notification
   * pointing at the reply, and an e-mail, both written with `manager` (the reply's transaction).
   */
  async notifyCommentReply(manager: EntityManager, activity: CommentActivity, reply: { id: number; text: string }): Promise<void> {
    const actorName = this.nameOf(activity.actor);
    await this.notifications.insert(manager, {
      userId: activity.recipient.id,
      type: NotificationType.CommentReply,
      message: NOTIFICATIONS_MESSAGES.commentReply(actorName, activity.movie.name),
      actorId: activity.actor.id,
      movieId: activity.movie.id,
      commentId: reply.id,
    });
    await this.mail.sendCommentReply(manager, activity.recipient.email, {
      actorName,
      movieName: activity.movie.name,
      commentText: activity.commentText,
      replyText: reply.text,
    });
  }

  /**
   * Tells the author of comment `commentId` that `activity.actor` liked it: a notification and an
   * e-mail, both written with `manager` (the like's transaction). Only once per liker and
   * comment: liking again after taking the like back notifies nobody (no inbox flooding).
   */
  async notifyCommentLike(manager: EntityManager, activity: CommentActivity, commentId: number): Promise<void> {
    if (await this.notifications.existsForComment(manager, NotificationType.CommentLike, activity.actor.id, commentId)) return;
    const actorName = this.nameOf(activity.actor);
    await this.notifications.insert(manager, {
      userId: activity.recipient.id,
      type: NotificationType.CommentLike,
      message: NOTIFICATIONS_MESSAGES.commentLike(actorName, activity.movie.name),
      actorId: activity.actor.id,
      movieId: activity.movie.id,
      commentId,
    });
    await this.mail.sendCommentLike(manager, activity.recipient.email, {
      actorName,
      movieName: activity.movie.name,
      commentText: activity.commentText,
    });
  }

  /**
   * Tells a moderator (or admin) that the movie they tried to delete is in carts, and in how
   * many; no e-mail. Runs in its own transaction, because the refused delete's is rolled back.
   */
  async notifyMovieInCarts(moderatorId: number, movie: { id: number; name: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const carts = await this.notifications.countCartsWithMovie(manager, movie.id);
      await this.notifications.insert(manager, {
        userId: moderatorId,
        type: NotificationType.MovieInCarts,
        message: NOTIFICATIONS_MESSAGES.movieInCarts(movie.name, carts),
        actorId: null,
        movieId: movie.id,
        commentId: null,
      });
    });
  }

  private nameOf(actor: CommentActor): string {
    return displayName(actor.firstName, actor.lastName, NOTIFICATIONS_MESSAGES.someone);
  }
}
