/**
 * Officers hear about objections in digests: time is cut into slots of `digestSeconds` (from the epoch, so every API
 * process agrees), and all objections of one publicity received in one slot share one publicity.objection-digest job,
 * due at the slot's end (dedupe key per publicity and slot). The job tells the officers about every objection of the
 * publicity not yet announced, so one that a slot's job has missed is carried by the next digest.
 */
export interface DigestSlot {
  runAt: Date;
  dedupeKey: string;
}

export function objectionDigestSlot(publicityId: string, now: Date, digestSeconds: number): DigestSlot {
  const slotMs = digestSeconds * 1000;
  const slot = Math.floor(now.getTime() / slotMs);
  return { runAt: new Date((slot + 1) * slotMs), dedupeKey: `publicity.objection-digest:${publicityId}:${slot}` };
}
