/** The notifications routes' messages and the texts of the notifications themselves. Shared by code and tests. */
export const NOTIFICATIONS_MESSAGES = {
  notificationNotFound: 'Notification not found.',
  allRead: 'All notifications marked as read.',

  commentReply: (actorName: string, movieName: string) => `${actorName} replied to your comment on "${movieName}".`,
  commentLike: (actorName: string, movieName: string) => `${actorName} liked your comment on "${movieName}".`,
  movieInCarts: (movieName: string, carts: number) =>
    `Movie "${movieName}" could not be deleted: it is in ${carts} ${carts === 1 ? "user's cart" : "users' carts"}.`,
  /** How a user without a name on their profile is called (their e-mail is never shown to others). */
  someone: 'Someone',
} as const;
