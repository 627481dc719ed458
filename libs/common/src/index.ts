export * from './domain-error';
export * from './error-body';
export * from './http-exception.filter';
export * from './validation';
export * from './clock.module';
export * from './uuid-param';
export * from './field-validators';
