import { Initial1795298678297 } from './1795298678297-Initial';
import { CatalogSortIndexes1795300000000 } from './1795300000000-CatalogSortIndexes';
import { Payments1795300500000 } from './1795300500000-Payments';
import { MovieNameIndexInclude1795300600000 } from './1795300600000-MovieNameIndexInclude';
import { CatalogVersion1795300700000 } from './1795300700000-CatalogVersion';
import { Engagement1795311149930 } from './1795311149930-Engagement';

/** Every migration, oldest first. Generated files are added here by hand after review. */
export const MIGRATIONS: Function[] = [Initial1795298678297, CatalogSortIndexes1795300000000, Payments1795300500000, MovieNameIndexInclude1795300600000, CatalogVersion1795300700000, Engagement1795311149930];
