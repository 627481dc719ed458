import { formatErrors, formatTable, phaseTable } from '../../../bench/load/report';

describe('the load benchmark table', () => {
  it('names errors by status in order, and says 0 when there were none', () => {
    expect(formatErrors({})).toBe('0');
    expect(formatErrors({ timeout: 1, '503': 2, '409': 5 })).toBe('409:5 503:2 timeout:1');
  });

  it('right-aligns numeric columns and left-aligns text under a rule', () => {
    expect(formatTable(['check', 'n', 'detail'], [['audit', '7', 'intact'], ['ledger:check', '12', 'ok']]).split('\n')).toEqual([
      'check          n  detail',
      '------------  --  ------',
      'audit          7  intact',
      'ledger:check  12  ok',
    ]);
  });

  it('reports requests per second of the answered requests and marks a phase cut by its time limit', () => {
    const [, , row] = phaseTable([
      { name: 'submit', concurrency: 50, requests: 1000, ok: 990, errors: { '503': 10 }, seconds: 4, p50: 80.44, p95: 120, p99: 450.6, max: 1200, cut: true },
    ]).split('\n');
    expect(row.split(/\s{2,}/)).toEqual(['submit (cut at time limit)', '50', '1000', '990', '248', '80.4', '120', '451', '1200', '503:10']);
  });
});
