/** @subsidy/storage: evidence file storage behind one interface, and the content check every upload passes first. */
export { StorageError, type StorageErrorCode } from './storage-error';
export type { EvidenceStorage, StoredObject } from './evidence-storage';
export { newEvidenceKey, assertEvidenceKey, assertTenantId } from './keys';
export { LocalDiskStorage } from './local-disk-storage';
export { UploadRejectedError, type UploadRejectionCode } from './upload-error';
export { inspectUpload, EVIDENCE_TYPES, DEFAULT_MAX_IMAGE_PIXELS, type EvidenceMime, type UploadLimits, type InspectedUpload } from './inspect-upload';
export { cleanFileName, declaredExtensionOf, MAX_FILE_NAME_LENGTH } from './file-name';
export { imageDimensions, type ImageDimensions, type ImageMime } from './image-dimensions';
export { inspectPdf, MAX_INFLATED_OBJECT_STREAM_BYTES, type PdfInspection } from './pdf-active-content';
