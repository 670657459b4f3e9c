export * from './embedded-postgres';
export * from './data-source-options';
export * from './pg-types';
export * from './migrate';
export * from './events';
export * from './prepared-statement';
export * from './prepared-list';
