import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@subsidy/config';
import { EvidenceStorage, LocalDiskStorage } from '@subsidy/storage';

export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');

/** Evidence bytes on the local disk under `storage.dir`, one folder per tenant. */
export const evidenceStorageProvider: Provider = {
  provide: EVIDENCE_STORAGE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): EvidenceStorage => new LocalDiskStorage(config.storage.dir),
};

/** 10 MB: scans of a standard's text and its announcement fit; anything larger is refused while it streams in. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
