export * from './audit-entry';
export * from './audit-hash';
export * from './audit-log';
export * from './audit.module';
export * from './verify-chain';
export * from './chain-checks';
