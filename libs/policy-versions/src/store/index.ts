export * from './compile-stored-version';
export * from './published-versions';
export * from './policy-version-cache';
export * from './import-policy-files';
export * from './policy-version-store.module';
