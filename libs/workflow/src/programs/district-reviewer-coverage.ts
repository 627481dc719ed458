import { queryRows } from '@subsidy/database';
import { EntityManager } from 'typeorm';
import { ProgramRecord } from '../core';
import { DistrictReviewersMissingError } from './program-errors';

export interface UncoveredDistrict {
  code: string;
  nameZh: string;
}

/**
 * The districts of the tenant where an application could wait in district review with nobody to take it: a district
 * "can have applicants" when at least one of its organizations is verified (submission refuses the others) and is not
 * of a kind the city reviews directly (review.cityReviewedKinds); it is covered when an active district reviewer is
 * bound to it. Districts with no verified organization do not count: an organization verified there after the
 * program is scheduled is the district's reviewer's to add (and until then the program officer acts in its place).
 */
export async function districtsWithoutReviewer(manager: EntityManager, program: Pick<ProgramRecord, 'review'>): Promise<UncoveredDistrict[]> {
  return queryRows<UncoveredDistrict>(
    manager,
    `select d.code, d.name_zh as "nameZh"
       from districts d
      where exists (select 1 from organizations o
                     where o.district_code = d.code and o.registration_status = 'verified' and not (o.kind = any($1::text[])))
        and not exists (select 1 from users u where u.role = 'district_reviewer' and u.active and u.district_code = d.code)
      order by d.code`,
    [program.review.cityReviewedKinds ?? []],
  );
}

/** Refuses (422 district_reviewers_missing, naming each district) a program with district review some district could not staff. */
export async function assertDistrictReviewersCover(manager: EntityManager, program: Pick<ProgramRecord, 'review'>): Promise<void> {
  if (!program.review.stages.district_review) return;
  const missing = await districtsWithoutReviewer(manager, program);
  if (missing.length > 0) throw new DistrictReviewersMissingError(missing);
}
