import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { EvidenceStorage, LocalDiskStorage } from '@subsidy/storage';

/** Uploaded list files, kept as imported (checksum verified on every read) beside the evidence files of the tenant. */
export const OFFICIAL_LIST_STORAGE = Symbol('OFFICIAL_LIST_STORAGE');

export const officialListStorageProvider: Provider = {
  provide: OFFICIAL_LIST_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): EvidenceStorage => new LocalDiskStorage(config.storage.dir),
};

/** 20 MB: a 50,000-row list as xlsx is about 3 MB; the limit only stops mistakes. */
export const OFFICIAL_LIST_MAX_BYTES = 20 * 1024 * 1024;

/** Items stored per job (one transaction each); tests make it small to stop an import half way. */
export const OFFICIAL_LIST_CHUNK_SIZE = Symbol('OFFICIAL_LIST_CHUNK_SIZE');
export const DEFAULT_CHUNK_SIZE = 1000;
