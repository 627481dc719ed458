export * from './workbench.module';
export { MyWorkQuery, type MyWork, type WorkGroup, type WorkItem } from './my-work';
export { WORK_KINDS, type WorkKind } from './work-sources';
