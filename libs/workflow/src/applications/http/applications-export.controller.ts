import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiFileResponse, uuidParam, XLSX_MEDIA_TYPE } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import { ExportProgramApplications } from '../export/export-program-applications';
import { ExportApplicationsQuery } from './dto/export-applications.query';
import { APPLICATION_SORT } from './dto/list-applications.query';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('programs/:id/applications')
export class ApplicationsExportController {
  constructor(private readonly exportApplications: ExportProgramApplications) {}

  @Get('export')
  @Roles('program_officer')
  @ApiOperation({ summary: "批量导出: the program's applications as on the list (same filters and sort, or only the selected ids), as xlsx with Chinese headers and amounts in yuan" })
  @ApiFileResponse('The spreadsheet (.xlsx)', XLSX_MEDIA_TYPE)
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ExportApplicationsQuery,
    @Res() response: Response,
  ): Promise<void> {
    const { programTitle, bytes } = await this.exportApplications.execute({ actor, programId: id, status: query.status, q: query.q, orderBy: APPLICATION_SORT.orderBy(query.sort), ids: query.ids });
    response
      .status(200)
      .set({ 'Content-Type': XLSX_MEDIA_TYPE, 'Content-Disposition': `attachment; filename="applications-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${programTitle}申报清单.xlsx`)}` })
      .send(bytes);
  }
}
