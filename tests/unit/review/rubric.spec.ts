import { rubricMaxTotal, scoreSheetTotal, validateRubric, validateScoreSheet, type Rubric } from '@subsidy/review';

const rubric: Rubric = {
  criteria: [
    { key: 'innovation', label: '技术创新性', maxPoints: 4000 },
    { key: 'benefit', label: '经济社会效益', maxPoints: 3000 },
    { key: 'adoption', label: '标准实施应用', maxPoints: 3000 },
  ],
};

describe('validateScoreSheet', () => {
  it('accepts a complete sheet within the limits, including 0 and the maximum', () => {
    const sheet = { scores: { innovation: 4000, benefit: 0, adoption: 1750 }, comment: '良好' };
    expect(validateScoreSheet(rubric, sheet)).toEqual([]);
    expect(scoreSheetTotal(rubric, sheet)).toBe(5750);
    expect(rubricMaxTotal(rubric)).toBe(10_000);
  });

  it.each<[string, unknown, { path: string; message: RegExp }[]]>([
    ['a missing criterion', { scores: { innovation: 100, benefit: 100 } }, [{ path: 'scores.adoption', message: /missing score for "标准实施应用"/ }]],
    ['a fractional score', { scores: { innovation: 17.5, benefit: 100, adoption: 100 } }, [{ path: 'scores.innovation', message: /whole number of hundredths/ }]],
    ['a score given as text', { scores: { innovation: '3000', benefit: 100, adoption: 100 } }, [{ path: 'scores.innovation', message: /whole number/ }]],
    ['a negative score', { scores: { innovation: 100, benefit: -1, adoption: 100 } }, [{ path: 'scores.benefit', message: /outside 0\.\.3000/ }]],
    ['a score above the maximum', { scores: { innovation: 4001, benefit: 100, adoption: 100 } }, [{ path: 'scores.innovation', message: /4001 is outside 0\.\.4000/ }]],
    ['an unknown criterion', { scores: { innovation: 1, benefit: 1, adoption: 1, beauty: 5 } }, [{ path: 'scores.beauty', message: /not a criterion/ }]],
    ['a comment that is not text', { scores: { innovation: 1, benefit: 1, adoption: 1 }, comment: 5 }, [{ path: 'comment', message: /string/ }]],
    ['scores that are not an object', { scores: [1, 2, 3] }, [{ path: 'scores', message: /object/ }]],
    ['no sheet at all', null, [{ path: '', message: /object/ }]],
    [
      'several problems at once',
      { scores: { innovation: NaN, adoption: 3001, extra: 1 } },
      [
        { path: 'scores.innovation', message: /whole number/ },
        { path: 'scores.benefit', message: /missing/ },
        { path: 'scores.adoption', message: /outside/ },
        { path: 'scores.extra', message: /not a criterion/ },
      ],
    ],
  ])('reports %s by field path', (_label, sheet, expected) => {
    const errors = validateScoreSheet(rubric, sheet);
    expect(errors.map((e) => e.path)).toEqual(expected.map((e) => e.path));
    errors.forEach((error, i) => expect(error.message).toMatch(expected[i].message));
  });
});

describe('validateRubric', () => {
  it('accepts a well-formed rubric', () => {
    expect(validateRubric(rubric)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['no criteria list', {}, ['criteria']],
    ['an empty list', { criteria: [] }, ['criteria']],
    ['a duplicate key', { criteria: [{ key: 'a', label: 'A', maxPoints: 100 }, { key: 'a', label: 'B', maxPoints: 100 }] }, ['criteria[1].key']],
    ['a bad key, empty label and zero points', { criteria: [{ key: 'Bad Key', label: ' ', maxPoints: 0 }] }, ['criteria[0].key', 'criteria[0].label', 'criteria[0].maxPoints']],
    ['fractional points', { criteria: [{ key: 'a', label: 'A', maxPoints: 12.5 }] }, ['criteria[0].maxPoints']],
    ['a criterion that is not an object', { criteria: ['a'] }, ['criteria[0]']],
  ])('reports %s', (_label, value, paths) => {
    expect(validateRubric(value).map((e) => e.path)).toEqual(paths);
  });
});
