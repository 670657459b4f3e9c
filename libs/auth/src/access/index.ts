export * from './sql-fragment';
export * from './project-scope';
export * from './person-scope';
export * from './require-visible';
export * from './assert-in-workspace';
export * from './contract-scope';
export * from './scope-subject';
