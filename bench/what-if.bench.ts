/**
 * npm run bench:what-if [-- <applications> <rounds>]
 * The what-if of a draft policy version over real applications (issue 11), without the database: synthetic Weihai
 * applications (one applicant each, about three achievements, seeded PRNG, dated in 2024 when weihai-2020 is in force)
 * compared between weihai-2020 and a draft raising the national-standard lead-formulate ceiling from 50万 to 60万, as
 * `POST /policy-versions/:id/what-if` does after its reads: each request validated, evaluated under both versions, and
 * added up per item, per applicant and in total. Target: 10,000 applications in under 2 seconds. Best and median round
 * are reported (a shared machine slows single rounds down at random); the delta must repeat in every round.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { compareApplications, compilePolicyText, findPolicyDir, loadPolicyRepository, validateRequest, type CompiledPolicy, type WhatIfApplication } from '@subsidy/policy';
import { prng, syntheticRequest } from './synthetic';

const APPLICATIONS = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 5);
const SEED = 20240320;
const TARGET_MS = 2_000;

/** Raw applications as the use case reads them: one applicant per request, an organization per ~1.5 applications. */
function applicationsOf(baseline: CompiledPolicy): WhatIfApplication[] {
  const random = prng(SEED);
  return Array.from({ length: APPLICATIONS }, (_, i) => {
    const request = syntheticRequest(random, i, 1, '2024-03-20', baseline.districts);
    request.fundTotalFen = 200_000_000;
    const organization = `org-${Math.floor(i / 1.5)}`;
    return { key: `app-${i}`, applicantKey: organization, applicantName: `威海synthetic${organization}`, request, baseline };
  });
}

function main(): void {
  const dir = findPolicyDir(__dirname);
  const baseline = loadPolicyRepository(dir).versions('weihai').find((p) => p.id === 'weihai-2020');
  if (!baseline) throw new Error('weihai-2020 not found in ' + dir);
  const text = readFileSync(join(dir, 'weihai', 'weihai-2020.yaml'), 'utf8');
  const draftText = text.replace(/^id: weihai-2020$/m, 'id: weihai-2026').replace(/(id: std\.national\.formulate\.lead[\s\S]*?ceiling: )"50万"/, '$1"60万"');
  if (draftText === text) throw new Error('the draft edit did not apply');
  const candidate = compilePolicyText('weihai-2026', draftText);
  const raw = applicationsOf(baseline);
  const achievements = raw.reduce((n, a) => n + a.request.applicants[0].achievements.length, 0);
  const rounds: Array<{ ms: number; delta: number; compared: number; unpriced: number }> = [];
  for (let r = 0; r < ROUNDS; r++) {
    const began = process.hrtime.bigint();
    // Validation is part of the use case (each rebuilt request is checked before it is priced), so it is timed too.
    const checked = raw.flatMap((a) => {
      const v = validateRequest(a.request);
      return v.ok ? [{ ...a, request: v.request }] : [];
    });
    const report = compareApplications(checked, candidate);
    const ms = Number(process.hrtime.bigint() - began) / 1e6;
    rounds.push({ ms, delta: report.deltaFen, compared: report.applications, unpriced: report.unpriced.length + raw.length - checked.length });
  }
  const times = rounds.map((r) => r.ms).sort((a, b) => a - b);
  const deltas = new Set(rounds.map((r) => r.delta));
  const best = times[0];
  process.stdout.write(
    [
      `what-if weihai-2020 -> weihai-2026 (national lead-formulate ceiling 50万 -> 60万)`,
      `applications: ${APPLICATIONS} (${achievements} achievements), compared: ${rounds[0].compared}, unpriced: ${rounds[0].unpriced}, rounds: ${ROUNDS}`,
      `time per round: ${rounds.map((r) => `${Math.round(r.ms)} ms`).join(', ')} (validation + both evaluations + aggregation)`,
      `best ${Math.round(best)} ms, median ${Math.round(times[Math.floor(times.length / 2)])} ms; target: ${APPLICATIONS} applications under ${TARGET_MS} ms${APPLICATIONS === 10_000 ? (best < TARGET_MS ? ' (met)' : ' (MISSED)') : ''}`,
      `peak RSS: ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`,
      `checksum (delta fen): ${[...deltas].join(' / ')}${deltas.size === 1 ? ' (same in every round)' : ' (ROUNDS DIFFER: nondeterminism!)'}`,
    ].join('\n') + '\n',
  );
  if (deltas.size !== 1) process.exitCode = 1;
}

main();
