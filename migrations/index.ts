import { Initial1795298678297 } from './1795298678297-Initial';

/** Every migration, oldest first. Generated files are added here by hand after review. */
export const MIGRATIONS: Function[] = [Initial1795298678297];
