import { CATALOG_MESSAGES } from '../catalog/catalog.messages';

/** Every message of the reaction, rating and favorite routes (CONTRACT.md C.3). Shared by code and tests. */
export const ENGAGEMENT_MESSAGES = {
  /** The catalog's own wording, so that an unknown movie reads the same on every route. */
  movieNotFound: CATALOG_MESSAGES.movieNotFound,
  favoriteAdded: 'Movie added to favorites.',
  favoriteRemoved: 'Movie removed from favorites.',
  notInFavorites: 'Movie is not in your favorites.',
} as const;
