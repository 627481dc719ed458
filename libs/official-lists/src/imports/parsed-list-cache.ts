import { Inject, Injectable } from '@nestjs/common';
import { EvidenceStorage } from '@subsidy/storage';
import { ListKind } from '../kinds';
import { ParsedList } from '../parse/parse-list';
import { ListItem, listItems } from './list-items';
import { OFFICIAL_LIST_STORAGE } from './list-storage.provider';
import { readList } from './read-list';

export interface LoadedList {
  parsed: ParsedList | null;
  items: ListItem[];
}

/**
 * The parsed items of the imports this process is working on. Parsing is pure, so the cache changes nothing but the
 * time: a chunk finds its list parsed by the previous chunk, and a chunk in another process (or after a restart)
 * parses the stored file again and gets the same items in the same order.
 */
@Injectable()
export class ParsedListCache {
  private readonly entries = new Map<string, LoadedList>();

  constructor(@Inject(OFFICIAL_LIST_STORAGE) private readonly storage: EvidenceStorage) {}

  async load(tenantId: string, list: { id: string; kind: ListKind; fileName: string; storageKey: string }): Promise<LoadedList> {
    const cacheKey = `${tenantId}/${list.id}`;
    const cached = this.entries.get(cacheKey);
    if (cached) return cached;
    const bytes = await this.storage.get(tenantId, list.storageKey);
    const { parsed } = await readList(list.kind, list.fileName, bytes);
    const loaded: LoadedList = { parsed, items: parsed && parsed.problems.length === 0 ? listItems(parsed) : [] };
    // Two lists at most: an import in progress and one more; memory stays bounded however many tenants import.
    if (this.entries.size >= 2) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(cacheKey, loaded);
    return loaded;
  }

  forget(tenantId: string, listId: string): void {
    this.entries.delete(`${tenantId}/${listId}`);
  }
}
