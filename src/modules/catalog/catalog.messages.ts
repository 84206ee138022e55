/**
 * Every message of the catalog routes, worded exactly as the reference sends them (its
 * section 5); the directors' and certifications' mirror the stars'. Shared by code and tests.
 */
export const CATALOG_MESSAGES = {
  movieNotFound: 'Movie with the given ID was not found.',
  movieExists: (name: string, year: number, time: number) =>
    `A movie with name '${name}' and release year '${year}' and duration '${time}' already exists.`,
  movieInCarts: "Movie is in users' carts and cannot be deleted.",
  moviePurchased: 'Movie purchased by some user and cannot be deleted.',
  movieDeleted: 'Movie deleted successfully',

  genreExists: (name: string) => `A genre with name '${name}' already exists.`,
  genreNotFound: 'Genre with the given ID was not found.',
  genreDeleted: 'Genre deleted successfully',

  starExists: (name: string) => `A star with name '${name}' already exists.`,
  starNotFound: 'Star with the given ID was not found.',
  starDeleted: 'Star has been deleted successfully.',

  directorExists: (name: string) => `A director with name '${name}' already exists.`,
  directorNotFound: 'Director with the given ID was not found.',
  directorDeleted: 'Director has been deleted successfully.',

  certificationNotFound: 'Certification with the given ID was not found.',

  /** `value_error` messages of the year rule (reference 2.3). */
  yearTooEarly: 'Year cannot be before 1895',
  yearInFuture: (year: number) => `Year cannot be in future: ${year}`,
} as const;
