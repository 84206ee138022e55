import type { NotificationType } from './entities/notification.entity';
import type { NotificationRow } from './notifications.repository';

/** A user as others see them: names from the profile (null when unset), never the e-mail. */
export interface PublicUser {
  id: number;
  first_name: string | null;
  last_name: string | null;
}

/** An item of `GET /notifications/` (CONTRACT.md C.4). */
export interface NotificationResponse {
  id: number;
  type: NotificationType;
  message: string;
  movie_uuid: string | null;
  comment_id: number | null;
  actor: PublicUser | null;
  created_at: Date;
  read: boolean;
}

export interface ReadAllResponse {
  detail: string;
  updated: number;
}

export function toNotificationResponse(row: NotificationRow): NotificationResponse {
  return {
    id: row.id,
    type: row.type,
    message: row.message,
    movie_uuid: row.movie_uuid,
    comment_id: row.comment_id,
    actor: row.actor_id === null ? null : { id: row.actor_id, first_name: row.actor_first_name, last_name: row.actor_last_name },
    created_at: row.created_at,
    read: row.read,
  };
}

/** How a user is named in a notification or an e-mail: their profile names, or `fallback`. */
export function displayName(firstName: string | null, lastName: string | null, fallback: string): string {
  const name = [firstName, lastName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return name || fallback;
}
