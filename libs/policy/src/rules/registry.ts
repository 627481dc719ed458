import type { RuleModule } from './rule-module';

const registry = new Map<string, RuleModule>();

export function registerRule(module: RuleModule): void {
  if (registry.has(module.kind)) throw new Error(`rule kind ${module.kind} registered twice`);
  registry.set(module.kind, module);
}

export function ruleModule(kind: string): RuleModule | undefined {
  return registry.get(kind);
}

export function ruleKinds(): string[] {
  return [...registry.keys()].sort();
}
