import { Module } from '@nestjs/common';
import { AuthModule } from '@subsidy/auth';
import { OfficialListsController } from './http/official-lists.controller';
import { ImportChunkHandler } from './imports/import-chunk.handler';
import { DEFAULT_CHUNK_SIZE, OFFICIAL_LIST_CHUNK_SIZE, officialListStorageProvider } from './imports/list-storage.provider';
import { ParsedListCache } from './imports/parsed-list-cache';
import { MatcherCache } from './match/matcher-cache';
import { PreviewList } from './imports/preview-list';
import { RematchOrganizationHandler } from './imports/rematch-organization.handler';
import { StartImport } from './imports/start-import';
import { OfficialListQueries } from './queries/official-list-queries';
import { ResolveRow } from './review/resolve-row';

/**
 * Official lists (issue 12): the API side (preview, import, progress, rows, review) and the `lists` queue's handlers.
 * Imported by the API (controllers) and the worker (handlers); the handlers need the worker's queue module.
 */
@Module({
  imports: [AuthModule],
  controllers: [OfficialListsController],
  providers: [officialListStorageProvider, PreviewList, StartImport, OfficialListQueries, ResolveRow],
  exports: [StartImport, OfficialListQueries],
})
export class OfficialListsModule {}

/** The worker's side: the chunk and re-match handlers (discovered by the worker module). */
@Module({
  providers: [officialListStorageProvider, { provide: OFFICIAL_LIST_CHUNK_SIZE, useValue: DEFAULT_CHUNK_SIZE }, ParsedListCache, MatcherCache, ImportChunkHandler, RematchOrganizationHandler],
})
export class OfficialListJobsModule {}
