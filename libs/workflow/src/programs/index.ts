export * from './programs.module';
export * from './program-policy';
export * from './program-window';
export * from './program-errors';
export * from './program-view';
export * from './program-visibility';
export * from './procedure-template';
