export * from './approve-rename-request';
export * from './list-rename-requests';
export * from './reject-rename-request';
export * from './rename-request-errors';
export * from './rename-request-record';
export * from './workflow-freeze';
