import type { MovieRow } from './movie-queries';

/** `{"message": ...}`: the reference's plain success answer. */
export interface MessageResponse {
  message: string;
}

/** Genre, star and certification items: `{name, id}` (reference 5.1). */
export interface NamedItem {
  name: string;
  id: number;
}

/** Director items: `{id, name}` (reference 5.1). */
export interface DirectorItem {
  id: number;
  name: string;
}

/** `GET /movies/genres/` items (reference 5.7). */
export interface GenreListItem extends NamedItem {
  total_movies: number;
}

/** A movie's users' ratings: the average rounded to two decimals (null when nobody rated) and how many rated. */
export interface RatingSummary {
  average: number | null;
  count: number;
}

/**
 * `MovieDetailSchema`, key order included (reference 5.1), then the engagement fields of
 * CONTRACT.md C.3; the `my_*` / `is_*` ones are the caller's (null / false when anonymous).
 */
export interface MovieResponse {
  year: number;
  name: string;
  imdb: number;
  description: string;
  price: string;
  certification: { name: string };
  uuid: string;
  time: number;
  votes: number;
  meta_score: number | null;
  gross: number | null;
  genres: NamedItem[];
  directors: DirectorItem[];
  stars: NamedItem[];
  likes: number;
  dislikes: number;
  rating: RatingSummary;
  my_reaction: 'like' | 'dislike' | null;
  my_rating: number | null;
  is_favorite: boolean;
  is_purchased: boolean;
}

export function message(text: string): MessageResponse {
  return { message: text };
}

export function toNamedItem(row: { id: number; name: string }): NamedItem {
  return { name: row.name, id: row.id };
}

export function toDirectorItem(row: { id: number; name: string }): DirectorItem {
  return { id: row.id, name: row.name };
}

export function toMovieResponse(row: MovieRow): MovieResponse {
  return {
    year: row.year,
    name: row.name,
    imdb: row.imdb,
    description: row.description,
    price: row.price,
    certification: { name: row.certification },
    uuid: row.uuid,
    time: row.time,
    votes: row.votes,
    meta_score: row.meta_score,
    gross: row.gross,
    genres: row.genres.map(toNamedItem),
    directors: row.directors.map(toDirectorItem),
    stars: row.stars.map(toNamedItem),
    likes: row.likes,
    dislikes: row.dislikes,
    rating: { average: row.rating.average, count: row.rating.count },
    my_reaction: row.my_reaction,
    my_rating: row.my_rating,
    is_favorite: row.is_favorite,
    is_purchased: row.is_purchased,
  };
}
