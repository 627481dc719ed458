import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { ApiFileResponse, ApiTotalCount, ValidationFailedError, withTotalCount } from '@subsidy/common';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { EvidenceView } from '../evidence/evidence-files';
import { EvidenceAccess } from '../use-cases/evidence-access';
import { UploadEvidence } from '../use-cases/upload-evidence';
import { ApiUploadEvidenceBody, UploadEvidenceDto } from './dto/upload-evidence.dto';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { uuidParam } from '@subsidy/common';
import { EvidenceDto, EvidenceListDto } from './application-responses';

/** `attachment` with an ASCII fallback name and the original (UTF-8) name per RFC 6266 / 5987. */
function attachment(evidence: EvidenceView): string {
  const fallback = evidence.originalName.replace(/[^\x20-\x7e]|["\\;]/g, '_');
  const encoded = encodeURIComponent(evidence.originalName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** What an evidence file may be (checked by content at upload). */
const EVIDENCE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'];

@ApiTags('evidence')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(
    private readonly uploadEvidence: UploadEvidence,
    private readonly evidence: EvidenceAccess,
  ) {}

  @Post('applications/:id/evidence')
  @Roles('applicant')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiUploadEvidenceBody()
  @ApiOperation({ summary: 'Upload an evidence file (PDF, PNG, JPEG or WebP by content; at most 10 MB)' })
  @ApiCreatedResponse({ type: EvidenceDto })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: UploadEvidenceDto,
  ): Promise<EvidenceView> {
    if (!file) throw new ValidationFailedError({ zh: '请选择要上传的文件', en: 'Invalid upload: file' }, [
        { path: 'file', message: 'a multipart part named "file" is required', messageZh: '请选择文件' },
      ]);
    return this.uploadEvidence.execute({
      actor,
      applicationId: id,
      bytes: file.buffer,
      fileName: file.originalname,
      achievementId: body.achievementId ?? null,
      material: body.material ?? null,
    });
  }

  @Get('applications/:id/evidence')
  @ApiOperation({ summary: "The application's evidence files" })
  @ApiTotalCount("All the application's files (one application's evidence is small and not paged); X-Total-Count: how many")
  @ApiOkResponse({ type: EvidenceListDto })
  async list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) response: Response): Promise<{ items: EvidenceView[] }> {
    const { items } = await this.evidence.list(actor, id);
    return { items: withTotalCount(response, { rows: items, total: items.length }) };
  }

  @Get('evidence/:id/content')
  @ApiOperation({ summary: 'Download the file (checksum verified) as an attachment' })
  @ApiFileResponse('The file, as uploaded', ...EVIDENCE_MEDIA_TYPES)
  async content(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { evidence, bytes } = await this.evidence.content(actor, id);
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(bytes, { type: evidence.mime, disposition: attachment(evidence), length: bytes.length });
  }

  @Delete('evidence/:id')
  @HttpCode(204)
  @Roles('applicant')
  @ApiOperation({ summary: 'Remove an evidence file (draft or correction requested)' })
  async remove(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.evidence.delete(actor, id);
  }
}
