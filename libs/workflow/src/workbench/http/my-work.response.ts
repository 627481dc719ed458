import { ApiProperty } from '@nestjs/swagger';
import { WORK_ENTITIES, WORK_KINDS } from '../work-sources';

/** OpenAPI documentation of GET /me/work (MyWork): never instantiated, only read by the document builder. */
export class WorkItemResponse {
  @ApiProperty({ description: 'Id of what the item opens (see entity)', example: '6f1c2d3e-0000-4000-8000-000000000001' })
  declare id: string;

  @ApiProperty({ enum: WORK_ENTITIES, enumName: 'WorkEntity', description: 'What the id names: an application, a program or an organization' })
  declare entity: string;

  @ApiProperty({ description: 'How people name it: the organization, or the program title', example: '威海某某科技有限公司' })
  declare title: string;

  @ApiProperty({ type: String, nullable: true, description: 'The program title beside an organization, or the district of a registration', example: '2024年度标准化资助' })
  declare detail: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Due date (CST calendar date); null: no deadline' })
  declare dueOn: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Pieces of work the item stands for (e.g. applications of a program)' })
  declare count: number;

  @ApiProperty({ description: 'Due date before today (CST)' })
  declare overdue: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: "Working days from today to the due date; null when overdue, undated, or the year's holidays are not yet published" })
  declare workingDaysLeft: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Calendar days past the due date; null when not overdue' })
  declare overdueDays: number | null;
}

export class WorkGroupResponse {
  @ApiProperty({ enum: WORK_KINDS, enumName: 'WorkKind' })
  declare kind: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'All the work of this kind waiting for me' })
  declare count: number;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The earliest due date of the whole group' })
  declare earliestDueOn: string | null;

  @ApiProperty({ description: 'The earliest due date is before today (CST)' })
  declare overdue: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Working days left to the earliest due date; null when overdue, undated or not computable' })
  declare workingDaysLeft: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Calendar days past the earliest due date; null when not overdue' })
  declare overdueDays: number | null;

  @ApiProperty({ type: () => [WorkItemResponse], description: 'The first items (at most 5), in due order' })
  declare items: WorkItemResponse[];
}

export class MyWorkResponse {
  @ApiProperty({ format: 'date', description: 'Today in China Standard Time', example: '2024-07-01' })
  declare today: string;

  @ApiProperty({ type: () => [WorkGroupResponse], description: 'Overdue first, then by earliest due date, undated last; kinds with nothing waiting are left out' })
  declare groups: WorkGroupResponse[];
}
