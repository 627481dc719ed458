export * from './connection-options';
export * from './database.module';
export * from './migrate';
export * from './provision';
export * from './tenant-transactions';
export { MIGRATIONS } from './migrations';
export * from './query-rows';
export * from './app-data-source';
