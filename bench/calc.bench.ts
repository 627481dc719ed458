/**
 * npm run bench:calc [-- <applicants> <rounds>]
 * Evaluates synthetic applicants (about three achievements each, seeded PRNG) across every tenant with a policy file
 * and prints achievements per second and peak memory (max RSS). Each round evaluates the same applicants again (same
 * seed, so the checksum must repeat); the best and the median round are reported, because a shared machine slows
 * single rounds down at random.
 */
import { calculate, findPolicyDir, loadPolicyRepository, type CalcRequest, type CompiledPolicy, type PolicyRepository } from '@subsidy/policy';
import { prng, syntheticRequest } from './synthetic';

const APPLICANTS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const BATCH = 100;
const SEED = 20240320;

/** An application date inside the version's validity: its second year, or its first day when it is shorter. */
function applicationDateFor(policy: CompiledPolicy): string {
  const next = `${Number(policy.effectiveFrom.slice(0, 4)) + 1}-04-15`;
  return policy.effectiveTo !== null && next > policy.effectiveTo ? policy.effectiveFrom : next;
}

interface Round {
  achievements: number;
  seconds: number;
  awardedFen: number;
  peakRss: number;
}

function round(repo: PolicyRepository): Round {
  const tenants = repo.tenants();
  const random = prng(SEED);
  let peakRss = process.memoryUsage().rss;
  let achievements = 0;
  let awardedFen = 0;
  let elapsedNs = 0n;
  // Requests are generated batch by batch (outside the timed section) so the heap holds one batch, as a service would.
  for (let start = 0, t = 0; start < APPLICANTS; start += BATCH, t++) {
    const tenant = tenants[t % tenants.length];
    const policy = repo.versions(tenant)[0];
    const size = Math.min(BATCH, APPLICANTS - start);
    const request: CalcRequest = syntheticRequest(random, start, size, applicationDateFor(policy), policy.districts);
    for (const a of request.applicants) achievements += a.achievements.length;
    const began = process.hrtime.bigint();
    const result = calculate(repo, tenant, request);
    elapsedNs += process.hrtime.bigint() - began;
    for (const a of result.applicants) awardedFen += a.totalFen;
    if (t % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  return { achievements, seconds: Number(elapsedNs) / 1e9, awardedFen, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
}

function main(): void {
  const repo = loadPolicyRepository(findPolicyDir(__dirname));
  if (repo.tenants().length === 0) throw new Error('no policy files found');
  const rounds = Array.from({ length: ROUNDS }, () => round(repo));
  const rates = rounds.map((r) => Math.round(r.achievements / r.seconds)).sort((a, b) => a - b);
  const checksums = new Set(rounds.map((r) => r.awardedFen));
  const first = rounds[0];
  process.stdout.write(
    [
      `tenants: ${repo.tenants().join(', ')}`,
      `applicants: ${APPLICANTS} per round, achievements: ${first.achievements} per round (validated + evaluated, requests of ${BATCH}), rounds: ${ROUNDS}`,
      `time per round: ${rounds.map((r) => `${Math.round(r.seconds * 1000)} ms`).join(', ')} (validation + evaluation only)`,
      `throughput: best ${rates[rates.length - 1]} achievements/s, median ${rates[Math.floor(rates.length / 2)]} achievements/s`,
      `peak RSS: ${Math.round(Math.max(...rounds.map((r) => r.peakRss)) / 1024 / 1024)} MiB`,
      `checksum (total awarded fen): ${[...checksums].join(' / ')}${checksums.size === 1 ? ' (same in every round)' : ' (ROUNDS DIFFER: nondeterminism!)'}`,
    ].join('\n') + '\n',
  );
  if (checksums.size !== 1) process.exitCode = 1;
}

main();
