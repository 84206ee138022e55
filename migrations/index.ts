/** Every migration, oldest first. Generated files are added here by hand after review. */
export const MIGRATIONS: Function[] = [];
