export * from './accounts';
export * from './posting';
export * from './balance-book';
export * from './ledger';
export * from './ledger-verification';
