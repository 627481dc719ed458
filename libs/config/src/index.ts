export * from './app-config';
export * from './config.module';
export * from './env.schema';
export * from './paths';
export * from './redact';
export * from './secret-strength';
