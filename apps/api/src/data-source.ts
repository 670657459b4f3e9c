import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/database';
import { ENTITIES } from './entities';

/** For the TypeORM CLI (`npm run migration:*`); needs DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for migration commands');

export default new DataSource(dataSourceOptions({ url, poolSize: 2, entities: ENTITIES }));
