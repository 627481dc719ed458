/**
 * @subsidy/policy-versions: tenants' policy versions as data (table policy_versions). `store/` imports the files of
 * config/policies as published versions and serves every tenant's published versions to the engine from memory,
 * reloaded on publish in every process.
 */
export * from './store';
export * from './what-if';
export * from './drafting';
