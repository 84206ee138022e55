import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../../common/auth/authenticated-user';
import { hasGroupAccess } from '../../../common/auth/group-access';
import { pageMeta, type PageMeta, pageWindow } from '../../../common/http/pagination';
import { UserGroupName } from '../../accounts/entities/user-group.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { COMMENTS_MESSAGES } from './comments.messages';
import { CommentsRepository, type CommentTarget } from './comments.repository';
import { type CommentLikesResponse, type CommentResponse, type DetailResponse, toCommentResponse } from './comments.responses';
import type { CommentListQueryDto, CreateCommentDto, UpdateCommentDto } from './dto/comment.dto';

export type CommentPage = PageMeta & { comments: CommentResponse[] };

/**
 * Comments on movies, replies at any depth and likes (CONTRACT.md C.3). A reply to someone
 * else's comment and the first like of someone else's comment notify its author (C.4), in the
 * same transaction as the reply or like.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly comments: CommentsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The movie's top-level comments, or with `parent_id` the direct replies of that comment,
   * newest first.
   *
   * @throws NotFoundException when there is no such movie, or the parent is not one of its comments.
   */
  async list(viewer: AuthenticatedUser, movieUuid: string, query: CommentListQueryDto, url: string): Promise<CommentPage> {
    const movie = await this.comments.findMovie(this.dataSource.manager, movieUuid);
    if (!movie) throw new NotFoundException(COMMENTS_MESSAGES.movieNotFound);
    const parentId = query.parent_id ?? null;
    if (parentId !== null) {
      const parent = await this.comments.findById(this.dataSource.manager, viewer.id, parentId);
      if (!parent || parent.movie_uuid !== movieUuid) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
    }
    const { rows, total } = await this.comments.list(movie.id, parentId, viewer.id, pageWindow(query));
    return { ...pageMeta(url, query, total, [['parent_id', parentId ?? undefined]]), comments: rows.map(toCommentResponse) };
  }

  /**
   * Posts a comment (text trimmed), or a reply when `parent_id` is given; a reply to someone
   * else's comment notifies its author.
   *
   * @throws NotFoundException when there is no such movie, or the parent is not one of its comments.
   */
  async create(author: AuthenticatedUser, movieUuid: string, input: CreateCommentDto): Promise<CommentResponse> {
    return this.dataSource.transaction(async (tx) => {
      const movie = await this.comments.findMovie(tx, movieUuid, true);
      if (!movie) throw new NotFoundException(COMMENTS_MESSAGES.movieNotFound);
      const parentId = input.parent_id ?? null;
      const parent = parentId === null ? null : await this.comments.lockTarget(tx, parentId);
      if (parentId !== null && (!parent || parent.movie_id !== movie.id)) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
      const text = input.text.trim();
      const id = await this.comments.insert(tx, { movieId: movie.id, userId: author.id, parentId, text });
      if (parent && parent.user_id !== author.id) {
        await this.notifications.notifyCommentReply(tx, await this.activity(tx, parent, author.id), { id, text });
      }
      return this.load(tx, author.id, id);
    });
  }

  /**
   * Replaces the text of the caller's own comment.
   *
   * @throws NotFoundException when there is no such comment.
   * @throws ForbiddenException when it is someone else's.
   */
  async update(editor: AuthenticatedUser, commentId: number, input: UpdateCommentDto): Promise<CommentResponse> {
    return this.dataSource.transaction(async (tx) => {
      const authorId = await this.comments.lockAuthor(tx, commentId);
      if (authorId === null) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
      if (authorId !== editor.id) throw new ForbiddenException(COMMENTS_MESSAGES.editForbidden);
      await this.comments.updateText(tx, commentId, input.text.trim());
      return this.load(tx, editor.id, commentId);
    });
  }

  /**
   * Deletes a comment and, by cascade, its replies at every depth. Its author may, and so may
   * moderators and admins.
   *
   * @throws NotFoundException when there is no such comment.
   * @throws ForbiddenException when it is someone else's and the caller is a plain user.
   */
  async remove(caller: AuthenticatedUser, commentId: number): Promise<DetailResponse> {
    const authorId = await this.comments.findAuthor(commentId);
    if (authorId === null) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
    if (authorId !== caller.id && !hasGroupAccess(caller.group, [UserGroupName.Moderator])) {
      throw new ForbiddenException(COMMENTS_MESSAGES.deleteForbidden);
    }
    // A concurrent delete of the same comment (or of an ancestor) wins the race: same 404.
    if (!(await this.comments.delete(commentId))) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
    return { detail: COMMENTS_MESSAGES.commentDeleted };
  }

  /**
   * Likes the comment (idempotent). Only the like that creates the row notifies, and only when
   * the comment is someone else's.
   *
   * @throws NotFoundException when there is no such comment.
   */
  async like(liker: AuthenticatedUser, commentId: number): Promise<CommentLikesResponse> {
    return this.dataSource.transaction(async (tx) => {
      // The movie first, then the comment, as a reply locks them: the notification's key-share
      // lock on the movie, taken while holding the comment, would otherwise deadlock with a movie
      // delete, which holds the movie and waits for its comments. After such a delete: 404.
      if ((await this.comments.lockMovieOf(tx, commentId)) === null) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
      const comment = await this.comments.lockTarget(tx, commentId);
      if (!comment) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
      const isNew = await this.comments.like(tx, liker.id, commentId);
      if (isNew && comment.user_id !== liker.id) {
        await this.notifications.notifyCommentLike(tx, await this.activity(tx, comment, liker.id), commentId);
      }
      return { likes: await this.comments.countLikes(tx, commentId), liked_by_me: true };
    });
  }

  /**
   * Takes the caller's like back (idempotent).
   *
   * @throws NotFoundException when there is no such comment.
   */
  async unlike(liker: AuthenticatedUser, commentId: number): Promise<CommentLikesResponse> {
    return this.dataSource.transaction(async (tx) => {
      const comment = await this.comments.lockTarget(tx, commentId);
      if (!comment) throw new NotFoundException(COMMENTS_MESSAGES.commentNotFound);
      await this.comments.unlike(tx, liker.id, commentId);
      return { likes: await this.comments.countLikes(tx, commentId), liked_by_me: false };
    });
  }

  private async activity(tx: EntityManager, comment: CommentTarget, actorId: number) {
    return {
      recipient: { id: comment.user_id, email: comment.email },
      actor: { id: actorId, ...(await this.comments.findNames(tx, actorId)) },
      movie: { id: comment.movie_id, name: comment.movie_name },
      commentText: comment.text,
    };
  }

  private async load(tx: EntityManager, viewerId: number, commentId: number): Promise<CommentResponse> {
    const row = await this.comments.findById(tx, viewerId, commentId);
    if (!row) throw new Error(`comment ${commentId} vanished inside its own transaction`);
    return toCommentResponse(row);
  }
}
