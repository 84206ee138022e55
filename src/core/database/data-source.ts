import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** The data source used by the TypeORM CLI (`npm run migration:*`), from the build. */
const config = loadConfig();
export default new DataSource(buildDataSourceOptions({ url: config.databaseUrl, poolSize: 2, applicationName: 'online-cinema-cli' }));
