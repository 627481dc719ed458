export * from './application-record';
export * from './application-status';
export * from './application-transitions';
export * from './review-settings';
export * from './workflow-errors';
export * from './program-record';
export * from './workflow-core.module';
