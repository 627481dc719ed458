export * from './core';
export * from './workflow.module';
