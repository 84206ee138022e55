import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationType } from './entities/notification.entity';

/** A notification as the routes show it, with its movie's uuid and its actor's names. */
export interface NotificationRow {
  id: number;
  type: NotificationType;
  message: string;
  movie_uuid: string | null;
  comment_id: number | null;
  actor_id: number | null;
  actor_first_name: string | null;
  actor_last_name: string | null;
  created_at: Date;
  read: boolean;
}

export interface NewNotification {
  userId: number;
  type: NotificationType;
  message: string;
  actorId: number | null;
  movieId: number | null;
  commentId: number | null;
}

const SELECT_NOTIFICATION = `
  SELECT n.id, n.type, n.message, m.uuid AS movie_uuid, n.comment_id, n.actor_id,
         p.first_name AS actor_first_name, p.last_name AS actor_last_name,
         n.created_at, n.read_at IS NOT NULL AS read
  FROM notifications n
  LEFT JOIN movies m ON m.id = n.movie_id
  LEFT JOIN user_profiles p ON p.user_id = n.actor_id`;

/** The queries on `notifications`. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, notification: NewNotification): Promise<number> {
    const rows: Array<{ id: number }> = await manager.query(
      `INSERT INTO notifications (user_id, type, message, actor_id, movie_id, comment_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [notification.userId, notification.type, notification.message, notification.actorId, notification.movieId, notification.commentId],
    );
    return rows[0].id;
  }

  /** True when `actorId` already caused a notification of `type` about the comment. */
  async existsForComment(manager: EntityManager, type: NotificationType, actorId: number, commentId: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM notifications WHERE comment_id = $1 AND actor_id = $2 AND type = $3 LIMIT 1`,
      [commentId, actorId, type],
    );
    return rows.length > 0;
  }

  /** The user's notifications, newest first (`id` breaks ties), optionally only the unread ones. */
  async listForUser(userId: number, unreadOnly: boolean, window: { offset: number; limit: number }): Promise<{ rows: NotificationRow[]; total: number }> {
    const unread = unreadOnly ? 'AND n.read_at IS NULL' : '';
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM notifications n WHERE n.user_id = $1 ${unread}`,
      [userId],
    );
    const rows: NotificationRow[] = await this.dataSource.query(
      `${SELECT_NOTIFICATION} WHERE n.user_id = $1 ${unread} ORDER BY n.created_at DESC, n.id DESC OFFSET $2 LIMIT $3`,
      [userId, window.offset, window.limit],
    );
    return { rows, total };
  }

  /**
   * Marks the user's notification read (keeping the first time it was read) and returns it;
   * null when the user has no such notification.
   */
  async markRead(userId: number, id: number): Promise<NotificationRow | null> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `WITH updated AS (
         UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING *
       )
       ${SELECT_NOTIFICATION.replace('FROM notifications n', 'FROM updated n')}`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  /** Marks every unread notification of the user read; returns how many changed. */
  async markAllRead(userId: number): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return updated;
  }

  /** How many carts hold the movie. */
  async countCartsWithMovie(manager: EntityManager, movieId: number): Promise<number> {
    const [{ carts }]: Array<{ carts: number }> = await manager.query(
      `SELECT count(DISTINCT cart_id)::int AS carts FROM cart_items WHERE movie_id = $1`,
      [movieId],
    );
    return carts;
  }
}
