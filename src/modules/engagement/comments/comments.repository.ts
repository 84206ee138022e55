import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A comment as the routes show it, for one viewer (`liked_by_me`). */
export interface CommentRow {
  id: number;
  movie_uuid: string;
  parent_id: number | null;
  text: string;
  author_id: number;
  author_first_name: string | null;
  author_last_name: string | null;
  created_at: Date;
  updated_at: Date;
  replies: number;
  likes: number;
  liked_by_me: boolean;
}

/** A comment being replied to or liked, with what its author's notification needs. */
export interface CommentTarget {
  id: number;
  movie_id: number;
  movie_name: string;
  user_id: number;
  email: string;
  text: string;
}

export interface CommentMovie {
  id: number;
  name: string;
}

/**
 * The comment columns for viewer `$1`. Reply and like counts are correlated counts over
 * `ix_comments_parent_id` and `ix_comment_likes_comment_id`: one round trip per page.
 */
const SELECT_COMMENT = `
  SELECT c.id, m.uuid AS movie_uuid, c.parent_id, c.text, c.user_id AS author_id,
         p.first_name AS author_first_name, p.last_name AS author_last_name, c.created_at, c.updated_at,
         (SELECT count(*)::int FROM comments r WHERE r.parent_id = c.id) AS replies,
         (SELECT count(*)::int FROM comment_likes l WHERE l.comment_id = c.id) AS likes,
         EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = $1) AS liked_by_me
  FROM comments c
  JOIN movies m ON m.id = c.movie_id
  LEFT JOIN user_profiles p ON p.user_id = c.user_id`;

/** The queries on `comments` and `comment_likes`. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The movie, or null. With `lock`, the row is share-locked against deletion until the end of
   * the transaction, so a comment inserted for it cannot hit a foreign-key error.
   */
  async findMovie(manager: EntityManager, uuid: string, lock = false): Promise<CommentMovie | null> {
    const rows: CommentMovie[] = await manager.query(`SELECT id, name FROM movies WHERE uuid = $1 ${lock ? 'FOR KEY SHARE' : ''}`, [uuid]);
    return rows[0] ?? null;
  }

  /**
   * The movie of the comment, key-share locked against its deletion until the transaction ends
   * (looked up first, then locked: see `CommentsService.like`); null when either is gone.
   */
  async lockMovieOf(manager: EntityManager, commentId: number): Promise<number | null> {
    const [comment]: Array<{ movie_id: number }> = await manager.query(`SELECT movie_id FROM comments WHERE id = $1`, [commentId]);
    if (!comment) return null;
    const [movie]: Array<{ id: number }> = await manager.query(`SELECT id FROM movies WHERE id = $1 FOR KEY SHARE`, [comment.movie_id]);
    return movie?.id ?? null;
  }

  /**
   * The comment with its movie and author's address, share-locked against deletion until the
   * end of the transaction (replies and likes are inserted for it); null when it does not exist.
   */
  async lockTarget(manager: EntityManager, commentId: number): Promise<CommentTarget | null> {
    const rows: CommentTarget[] = await manager.query(
      `SELECT c.id, c.movie_id, m.name AS movie_name, c.user_id, u.email, c.text
       FROM comments c JOIN movies m ON m.id = c.movie_id JOIN users u ON u.id = c.user_id
       WHERE c.id = $1
       FOR KEY SHARE OF c`,
      [commentId],
    );
    return rows[0] ?? null;
  }

  /** The author of the comment, row-locked for an edit when `manager` is a transaction; null when it does not exist. */
  async lockAuthor(manager: EntityManager, commentId: number): Promise<number | null> {
    const rows: Array<{ user_id: number }> = await manager.query(`SELECT user_id FROM comments WHERE id = $1 FOR NO KEY UPDATE`, [commentId]);
    return rows[0]?.user_id ?? null;
  }

  async findAuthor(commentId: number): Promise<number | null> {
    const rows: Array<{ user_id: number }> = await this.dataSource.query(`SELECT user_id FROM comments WHERE id = $1`, [commentId]);
    return rows[0]?.user_id ?? null;
  }

  /** The profile names of a user (null when unset or without a profile). */
  async findNames(manager: EntityManager, userId: number): Promise<{ firstName: string | null; lastName: string | null }> {
    const rows: Array<{ first_name: string | null; last_name: string | null }> = await manager.query(
      `SELECT first_name, last_name FROM user_profiles WHERE user_id = $1`,
      [userId],
    );
    return { firstName: rows[0]?.first_name ?? null, lastName: rows[0]?.last_name ?? null };
  }

  async insert(manager: EntityManager, comment: { movieId: number; userId: number; parentId: number | null; text: string }): Promise<number> {
    const rows: Array<{ id: number }> = await manager.query(
      `INSERT INTO comments (movie_id, user_id, parent_id, text) VALUES ($1, $2, $3, $4) RETURNING id`,
      [comment.movieId, comment.userId, comment.parentId, comment.text],
    );
    return rows[0].id;
  }

  async updateText(manager: EntityManager, commentId: number, text: string): Promise<void> {
    await manager.query(`UPDATE comments SET text = $2, updated_at = now() WHERE id = $1`, [commentId, text]);
  }

  /** Deletes the comment (its replies, likes and notifications go with it, by cascade); false when it was already gone. */
  async delete(commentId: number): Promise<boolean> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(`DELETE FROM comments WHERE id = $1`, [commentId]);
    return deleted > 0;
  }

  /** The comment as `viewerId` sees it, or null. */
  async findById(manager: EntityManager, viewerId: number, commentId: number): Promise<CommentRow | null> {
    const rows: CommentRow[] = await manager.query(`${SELECT_COMMENT} WHERE c.id = $2`, [viewerId, commentId]);
    return rows[0] ?? null;
  }

  /**
   * A page of the movie's top-level comments (`parentId` null) or of a comment's direct replies,
   * newest first, `id` breaking ties; and how many there are.
   */
  async list(
    movieId: number,
    parentId: number | null,
    viewerId: number,
    window: { offset: number; limit: number },
  ): Promise<{ rows: CommentRow[]; total: number }> {
    // Two spellings rather than `IS NOT DISTINCT FROM`, which no index serves.
    const top = parentId === null;
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM comments WHERE movie_id = $1 AND ${top ? 'parent_id IS NULL' : 'parent_id = $2'}`,
      top ? [movieId] : [movieId, parentId],
    );
    const rows: CommentRow[] = await this.dataSource.query(
      `${SELECT_COMMENT} WHERE c.movie_id = $2 AND ${top ? 'c.parent_id IS NULL' : 'c.parent_id = $5'}
       ORDER BY c.created_at DESC, c.id DESC OFFSET $3 LIMIT $4`,
      [viewerId, movieId, window.offset, window.limit, ...(top ? [] : [parentId])],
    );
    return { rows, total };
  }

  /** Records the like; true when it is new (false when the user already liked the comment). */
  async like(manager: EntityManager, userId: number, commentId: number): Promise<boolean> {
    // ON CONFLICT on the primary key: of concurrent double clicks exactly one inserts, the others
    // wait for it to commit and then do nothing, so only one of them notifies.
    const rows: unknown[] = await manager.query(
      `INSERT INTO comment_likes (user_id, comment_id) VALUES ($1, $2) ON CONFLICT (user_id, comment_id) DO NOTHING RETURNING 1`,
      [userId, commentId],
    );
    return rows.length > 0;
  }

  async unlike(manager: EntityManager, userId: number, commentId: number): Promise<void> {
    await manager.query(`DELETE FROM comment_likes WHERE user_id = $1 AND comment_id = $2`, [userId, commentId]);
  }

  async countLikes(manager: EntityManager, commentId: number): Promise<number> {
    const [{ likes }]: Array<{ likes: number }> = await manager.query(`SELECT count(*)::int AS likes FROM comment_likes WHERE comment_id = $1`, [commentId]);
    return likes;
  }
}
