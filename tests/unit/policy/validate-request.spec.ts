import { validateRequest } from '@subsidy/policy';

const valid = () => ({
  applicationDate: '2024-03-20',
  programYear: 2024,
  applicants: [
    {
      uscc: '91371000MA3C4W1X2Y',
      kind: 'enterprise',
      district: '环翠区',
      achievements: [{ id: 'a1', type: 'standard', level: 'national', action: 'formulate', role: 'lead', publishedOn: '2023-06-01' }],
    },
  ],
});

function firstProblem(json: unknown): string {
  const result = validateRequest(json);
  if (result.ok) return 'ok';
  return `${result.problems[0].path}: ${result.problems[0].message}`;
}

describe('validateRequest', () => {
  it('accepts a contract request, including extra achievement fields', () => {
    const request = valid();
    (request.applicants[0].achievements[0] as Record<string, unknown>).salesFen = 5;
    expect(firstProblem(request)).toBe('ok');
  });

  it('names the JSON path of a bad achievement field', () => {
    const request = valid();
    request.applicants[0].achievements[0].level = 'galactic';
    expect(firstProblem(request)).toMatch(/^\$\.applicants\[0\]\.achievements\[0\]\.level: must be one of "international"/);
  });

  it('names a missing required field', () => {
    const request = valid() as Record<string, unknown>;
    delete request.applicationDate;
    expect(firstProblem(request)).toBe('$: missing required key "applicationDate"');
    const noDate = valid();
    delete (noDate.applicants[0].achievements[0] as Record<string, unknown>).publishedOn;
    expect(firstProblem(noDate)).toBe('$.applicants[0].achievements[0]: missing required key "publishedOn"');
  });

  it('rejects impossible dates, float money, unknown keys and duplicate ids', () => {
    expect(firstProblem({ ...valid(), applicationDate: '2024-02-30' })).toMatch(/^\$\.applicationDate: must match format "date"/);
    expect(firstProblem({ ...valid(), fundTotalFen: 1.5 })).toBe('$.fundTotalFen: must be integer');
    expect(firstProblem({ ...valid(), fundTotal: 1 })).toBe('$.fundTotal: unknown key "fundTotal"');
    const dup = valid();
    dup.applicants[0].achievements.push({ ...dup.applicants[0].achievements[0] });
    expect(firstProblem(dup)).toBe('$.applicants[0].achievements[1].id: duplicate achievement id');
  });

  it('rejects a non-object', () => {
    expect(firstProblem([])).toBe('$: must be object');
  });
});
