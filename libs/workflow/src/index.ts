export * from './core';
export * from './workflow.module';
export * from './programs';
export * from './pricing';
export * from './applications';
export * from './review';
export * from './decision';
export * from './publicity';
