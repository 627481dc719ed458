import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiTotalCount, PageQuery, uuidParam, ValidationFailedError, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { PreviewList, PreviewView } from '../imports/preview-list';
import { StartedImport, StartImport } from '../imports/start-import';
import { ListRowView, OfficialListView, ReviewRowView } from '../queries/list-views';
import { OfficialListQueries } from '../queries/official-list-queries';
import { ResolveRow } from '../review/resolve-row';
import { ApiImportBody, ApiPreviewBody, ImportListDto, ListOfficialListsQuery, ListRowsQuery, PreviewListDto, ResolveRowDto } from './official-list.dto';
import { ImportStartedDto, ListRowDto, ListRowPageDto, OfficialListDto, OfficialListPageDto, PreviewDto, ReviewQueuePageDto } from './official-list-responses';
import { ListUploadInterceptor, receivedName, requireFile } from './list-upload.interceptor';

/** Official lists for the program office: preview, import (a job), progress, rows, the review queue and its decisions. */
@ApiTags('official-lists')
@ApiBearerAuth()
@Roles('program_officer')
@Controller('official-lists')
export class OfficialListsController {
  constructor(
    private readonly previewList: PreviewList,
    private readonly startImport: StartImport,
    private readonly queries: OfficialListQueries,
    private readonly resolveRow: ResolveRow,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @UseInterceptors(ListUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiPreviewBody()
  @ApiOperation({ summary: 'Read a list file without storing it: the columns found, the first rows as parsed, refused rows with their numbers, file problems' })
  @ApiOkResponse({ type: PreviewDto })
  preview(@UploadedFile() file: Express.Multer.File | undefined, @Body() body: PreviewListDto): Promise<PreviewView> {
    const upload = requireFile(file);
    return this.previewList.execute(body.kind, receivedName(upload.originalname), upload.buffer);
  }

  @Post()
  @HttpCode(202)
  @UseInterceptors(ListUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiImportBody()
  @ApiOperation({ summary: 'Import a list (a job; follow it at GET /official-lists/:id). The same file imported again as the same kind returns the first import (created: false); 422 official_list_unreadable when the file lacks the required columns' })
  @ApiAcceptedResponse({ type: ImportStartedDto })
  import(@CurrentActor() actor: Actor, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: ImportListDto): Promise<StartedImport> {
    const upload = requireFile(file);
    return this.startImport.execute({ actor, kind: body.kind, title: body.title, sourceRef: body.sourceRef, listDate: body.listDate, fileName: receivedName(upload.originalname), bytes: upload.buffer });
  }

  @Get()
  @ApiOperation({ summary: 'Imported lists, newest first, each with its progress and counts' })
  @ApiTotalCount('The page of imports', OfficialListPageDto)
  async list(@Query() query: ListOfficialListsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: OfficialListView[] }> {
    return { items: withTotalCount(response, await this.queries.list(query)) };
  }

  @Get('review-queue')
  @ApiOperation({ summary: 'Entries waiting for an officer: near matches with their candidates and why' })
  @ApiTotalCount('The page of entries in review', ReviewQueuePageDto)
  async reviewQueue(@Query() query: PageQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: ReviewRowView[] }> {
    return { items: withTotalCount(response, await this.queries.reviewQueue(query)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One import: status, progress (itemsDone of itemsTotal) and counts (rows read, matched, in review, unregistered, rejected)' })
  @ApiOkResponse({ type: OfficialListDto })
  get(@Param('id', uuidParam('id')) id: string): Promise<OfficialListView> {
    return this.queries.get(id);
  }

  @Get(':id/rows')
  @ApiOperation({ summary: "An import's entries by row number, with refusal reasons and the matched organization's name; filter by status" })
  @ApiTotalCount('The page of entries', ListRowPageDto)
  async rows(@Param('id', uuidParam('id')) id: string, @Query() query: ListRowsQuery, @Res({ passthrough: true }) response: Response): Promise<{ items: ListRowView[] }> {
    return { items: withTotalCount(response, await this.queries.rows(id, query)) };
  }

  @Post('rows/:rowId/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide an entry in review (or unregistered): the organization it names, or reject: true; with a reason; audited' })
  @ApiOkResponse({ type: ListRowDto })
  resolve(@CurrentActor() actor: Actor, @Param('rowId', uuidParam('rowId')) rowId: string, @Body() body: ResolveRowDto): Promise<ListRowView> {
    if (body.organizationId !== undefined && body.reject !== undefined) {
      throw new ValidationFailedError({ zh: '请选择单位或排除，二者只能选其一', en: 'Invalid request: reject' }, [
        { path: 'reject', message: 'give either organizationId or reject: true, not both', messageZh: '不能同时指定单位和排除' },
      ]);
    }
    const command = body.organizationId !== undefined ? { rowId, reason: body.reason, organizationId: body.organizationId } : { rowId, reason: body.reason, reject: true as const };
    return this.resolveRow.execute(command, actor.id);
  }
}
