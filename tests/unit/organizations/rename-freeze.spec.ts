import { OUTSIDE_WORKFLOW_STATUSES } from '@subsidy/organizations';
import { APPLICATION_STATUSES, TERMINAL_STATUSES } from '@subsidy/workflow';

/** The organizations library names the statuses outside the workflow itself (it sits below the workflow): they must stay the workflow's. */
describe('the rename freeze', () => {
  it('lets renames through only for drafts and the terminal statuses of the workflow', () => {
    expect([...OUTSIDE_WORKFLOW_STATUSES].sort()).toEqual(['draft', ...TERMINAL_STATUSES].sort());
    for (const status of OUTSIDE_WORKFLOW_STATUSES) expect(APPLICATION_STATUSES).toContain(status);
  });
});
