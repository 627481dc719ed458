import { formatPoints, parsePoints } from '../../../apps/web/src/pages/reviews/points';

/** Rubric points typed by an expert become the API's hundredths by string arithmetic, and back, with no floating point. */
describe('web rubric points', () => {
  it.each([
    ['17.5', 1750],
    ['17.05', 1705],
    ['0', 0],
    [' 40 ', 4000],
    ['38.55', 3855],
  ])('reads %p as %p hundredths', (typed, hundredths) => {
    expect(parsePoints(typed)).toBe(hundredths);
  });

  it.each(['', '1.234', '-1', 'abc', '1e2', '.5'])('refuses %p', (typed) => {
    expect(parsePoints(typed)).toBeUndefined();
  });

  it.each([
    [1750, '17.5'],
    [1705, '17.05'],
    [4000, '40'],
    [0, '0'],
    [3855, '38.55'],
  ])('shows %p hundredths as %p points', (hundredths, shown) => {
    expect(formatPoints(hundredths)).toBe(shown);
  });
});
