/**
 * The name an uploaded file is shown and downloaded under. Names come from the uploader's machine and are shown to
 * reviewers, so nothing in them may disguise the file: bidirectional controls ("invoice‮fdp.exe" reads as
 * "invoiceexe.pdf"), NUL and other control characters are removed, the text is NFC-normalized (so the same name
 * looks and compares the same whatever keyboard typed it), directories are dropped, and the extension is the one the
 * content was detected as.
 */

/** Common spellings of the extensions we detect. */
export const EXTENSION_ALIASES: Readonly<Record<string, string>> = { jpeg: 'jpg', jpe: 'jpg', jfif: 'jpg' };

/**
 * Control characters (C0, DEL, C1) and the Unicode bidirectional formatting characters: ALM U+061C, LRM/RLM
 * U+200E/U+200F, embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069.
 */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Something after the last dot that is an extension, not part of a sentence ("版本 1.2 说明"). */
const EXTENSION = /^[A-Za-z0-9]{1,10}$/;

export const MAX_FILE_NAME_LENGTH = 255;

const FALLBACK_BASE = 'evidence';

/** The declared extension as we compare it: lower case, aliases folded ('' when there is none). */
export function declaredExtensionOf(name: string): string {
  const { extension } = split(name);
  const lower = extension.toLowerCase();
  return EXTENSION_ALIASES[lower] ?? lower;
}

/**
 * The cleaned display name for content detected as `extension` ('pdf', 'png', 'jpg', 'webp'). A declared extension
 * that names the content (any case, any alias) is kept as written; any other is replaced, and a missing one added.
 */
export function cleanFileName(received: string, extension: string): string {
  const visible = received.replace(INVISIBLE_OR_CONTROL, '').normalize('NFC');
  // A client may send a path; only its last segment is a name.
  const lastSegment = visible.split(/[\\/]/).pop() ?? '';
  // Leading dots would hide the file on a reviewer's disk, trailing ones Windows drops anyway.
  const trimmed = lastSegment.trim().replace(/^[.\s]+|[.\s]+$/gu, '');
  const parts = split(trimmed);
  const declared = EXTENSION_ALIASES[parts.extension.toLowerCase()] ?? parts.extension.toLowerCase();
  const keptExtension = declared === extension ? parts.extension : extension;
  const base = parts.base.trim() || FALLBACK_BASE;
  const room = MAX_FILE_NAME_LENGTH - keptExtension.length - 1;
  // Cut by code point so a character outside the BMP is never split in half.
  return `${[...base].slice(0, room).join('').trim() || FALLBACK_BASE}.${keptExtension}`;
}

function split(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { base: name, extension: '' };
  const extension = name.slice(dot + 1);
  return EXTENSION.test(extension) ? { base: name.slice(0, dot), extension } : { base: name, extension: '' };
}
