/** @subsidy/finance: pure money rules of the finance side (budget allocation of a decision). */
export * from './allocation';
