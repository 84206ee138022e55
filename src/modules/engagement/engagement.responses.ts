import type { RatingSummary } from '../catalog/catalog.responses';
import type { ReactionKind } from './entities/movie-reaction.entity';

/** `{"detail": ...}`: the favorites routes' success answer. */
export interface DetailResponse {
  detail: string;
}

/** A movie's reaction counts, as `ReactionsRepository.counts` reads them. */
export interface ReactionCounts {
  likes: number;
  dislikes: number;
}

/** `PUT` / `DELETE /movies/{movie_uuid}/reaction/`: the caller's reaction (null once removed) and the movie's counts. */
export interface ReactionResponse {
  reaction: ReactionKind | null;
  likes: number;
  dislikes: number;
}

/** `PUT` / `DELETE /movies/{movie_uuid}/rating/`: the caller's score (null once removed) and the movie's ratings. */
export interface RatingResponse {
  score: number | null;
  rating: RatingSummary;
}

export function toReactionResponse(reaction: ReactionKind | null, counts: ReactionCounts): ReactionResponse {
  return { reaction, likes: counts.likes, dislikes: counts.dislikes };
}

export function toRatingResponse(score: number | null, rating: RatingSummary): RatingResponse {
  return { score, rating: { average: rating.average, count: rating.count } };
}

export function detail(text: string): DetailResponse {
  return { detail: text };
}
