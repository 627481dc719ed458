import { ParseEnumPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidationFailedError } from '@subsidy/common';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEADLINE_STAGES } from '../running-call/change-stage-deadline';
import { IsAfterInstantOf, IsInstant } from './field-rules';

/** Why an officer changes a running call; recorded in the audit trail and sent to everyone it touches. */
abstract class ReasonedChange {
  @ApiProperty({ example: '应申报单位要求，申报截止时间延期一周', description: 'Why; recorded in the audit log and sent in the notifications' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ChangeWindowDto extends ReasonedChange {
  @ApiPropertyOptional({ example: '2024-03-04T09:00:00+08:00', description: 'A new opening instant; only while the program is scheduled (not yet open)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsInstant()
  opensAt?: string;

  @ApiProperty({ example: '2024-04-07T17:00:00+08:00', description: "The new closing instant: later to extend (延期), earlier to shorten, never before now; within the text's validity and application window" })
  @IsString()
  @MaxLength(40)
  @IsInstant()
  @IsAfterInstantOf('opensAt')
  closesAt!: string;
}

export class CloseEarlyDto extends ReasonedChange {}

export class ReopenDto extends ReasonedChange {
  @ApiProperty({ example: '2024-04-15T17:00:00+08:00', description: "The closing instant of the reopened window: after now, within the text's validity and application window" })
  @IsString()
  @MaxLength(40)
  @IsInstant()
  closesAt!: string;
}

export class StageDeadlineDto extends ReasonedChange {
  @ApiProperty({ example: 10, minimum: 1, maximum: 60, description: 'Working days from the day an application enters the stage (formal check: at most the text\'s; correction: at least the text\'s)' })
  @IsInt()
  @Min(1)
  @Max(60)
  workingDays!: number;
}

/** The `:stage` path parameter: a stage with a deadline of its own (400 naming `stage` otherwise). */
export const deadlineStageParam = (): ParseEnumPipe =>
  new ParseEnumPipe(Object.fromEntries(DEADLINE_STAGES.map((s) => [s, s])), {
    exceptionFactory: () =>
      new ValidationFailedError({ zh: '所选审查环节有误', en: 'Invalid request: stage' }, [
        { path: 'stage', message: `stage must be one of: ${DEADLINE_STAGES.join(', ')}`, messageZh: `stage 必须是 ${DEADLINE_STAGES.join('、')} 之一` },
      ]),
  });
