import { CATALOG_MESSAGES } from '../../catalog/catalog.messages';

/** The comments routes' messages (CONTRACT.md C.3). Shared by code and tests. */
export const COMMENTS_MESSAGES = {
  movieNotFound: CATALOG_MESSAGES.movieNotFound,
  commentNotFound: 'Comment with the given ID was not found.',
  editForbidden: 'You can only edit your own comments.',
  deleteForbidden: 'You can only delete your own comments.',
  commentDeleted: 'Comment deleted successfully.',

  /** `value_error` messages of the text rule. */
  textBlank: 'Comment text must not be blank',
  textTooLong: (max: number) => `Comment text must be at most ${max} characters`,
} as const;
