import type { PublicUser } from '../../notifications/notifications.responses';
import type { CommentRow } from './comments.repository';

/** A comment as every comments route shows it (CONTRACT.md C.3). */
export interface CommentResponse {
  id: number;
  movie_uuid: string;
  parent_id: number | null;
  text: string;
  author: PublicUser;
  created_at: Date;
  updated_at: Date;
  /** How many direct replies it has. */
  replies: number;
  likes: number;
  liked_by_me: boolean;
}

export interface CommentLikesResponse {
  likes: number;
  liked_by_me: boolean;
}

export interface DetailResponse {
  detail: string;
}

export function toCommentResponse(row: CommentRow): CommentResponse {
  return {
    id: row.id,
    movie_uuid: row.movie_uuid,
    parent_id: row.parent_id,
    text: row.text,
    author: { id: row.author_id, first_name: row.author_first_name, last_name: row.author_last_name },
    created_at: row.created_at,
    updated_at: row.updated_at,
    replies: row.replies,
    likes: row.likes,
    liked_by_me: row.liked_by_me,
  };
}
