export * from './allocation-approval.module';
export * from './allocation-approval-errors';
export * from './allocation-approval-record';
export * from './use-cases/record-allocation-approval';
