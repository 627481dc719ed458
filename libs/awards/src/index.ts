export * from './award-errors';
export * from './awards.module';
export * from './calculate-awards';
export * from './calc-contract.dto';
export * from './policy-repository.provider';
export * from './policies/list-policy-versions';
