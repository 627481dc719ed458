export * from './audit-chain-check';
export * from './audit-chain-checks.module';
export * from './check-audit-chain';
export * from './list-audit-chain-checks';
export * from './nightly-schedule';
