import { ParsedEntry, ParsedList, RejectedRow } from '../parse/parse-list';

/** One item an import stores: an entry to match or a row refused, in file order (the checkpoint counts items). */
export type ListItem = { kind: 'entry'; entry: ParsedEntry } | { kind: 'rejected'; row: RejectedRow };

export function listItems(parsed: ParsedList): ListItem[] {
  const items: ListItem[] = [
    ...parsed.entries.map((entry) => ({ kind: 'entry' as const, entry })),
    ...parsed.rejected.map((row) => ({ kind: 'rejected' as const, row })),
  ];
  const order = (item: ListItem): [number, number] => (item.kind === 'entry' ? [item.entry.rowNumber, item.entry.partyRank ?? 0] : [item.row.rowNumber, 0]);
  return items.sort((a, b) => {
    const [ra, pa] = order(a);
    const [rb, pb] = order(b);
    return ra - rb || pa - pb;
  });
}
