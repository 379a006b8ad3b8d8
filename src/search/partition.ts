/**
 * Pagefind keeps a whole index in memory while it writes it (docs/scale.md),
 * so a large archive is indexed in partitions of whole months, one Pagefind
 * process after another. The browser searches all of them at once (Pagefind's
 * mergeIndex); each partition costs the browser its metadata and one more
 * index chunk per query word, so partitions are not made smaller than memory
 * requires, except the newest ones: see planPartitions.
 */
export interface Partition {
  /** Output folder of this partition's index, relative to the site root. */
  dir: string;
  /** Months ("YYYY-MM", by the original's date) whose records this partition holds. */
  months: string[];
  /**
   * A full partition (not the newest, still-filling group's): its words are
   * keyed with the lexicon of the full partitions' originals alone
   * (src/search/records.ts), so articles added to the newest months never
   * change its records, whatever they do to the archive's word counts.
   */
  sealed: boolean;
}

export const DEFAULT_PARTITION_SIZE = 4000;

/** How many of the open group's small partitions make one full one: an added article rebuilds at most max / SMALL_PARTS records. */
export const SMALL_PARTS = 8;

/** Consecutive months packed from the oldest into groups of at most `max` records (a bigger month stands alone). */
function pack(months: string[], recordsPerMonth: Map<string, number>, max: number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const y of months) {
    const n = recordsPerMonth.get(y)!;
    if (current.length && size + n > max) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(y);
    size += n;
  }
  if (current.length || !out.length) out.push(current);
  return out;
}

/**
 * Months packed from the oldest into full partitions of at most `max`
 * records; packing from the oldest keeps every boundary but the last when
 * articles are added to the newest months. The last, still filling group is
 * cut again into small partitions of at most max / SMALL_PARTS records, packed
 * the same way, so an added article rebuilds one small partition, not the
 * whole group; when the group is full it becomes one full partition (rebuilt
 * once). An archive that fits one partition stays whole (one relevance order).
 */
export function planPartitions(recordsPerMonth: Map<string, number>, max: number): Partition[] {
  const months = [...recordsPerMonth.keys()].sort();
  const groups = pack(months, recordsPerMonth, max);
  const sealed = groups.length - 1;
  if (groups.length > 1) groups.push(...pack(groups.pop()!, recordsPerMonth, Math.max(1, Math.floor(max / SMALL_PARTS))));
  // Newest months in the primary index: most searches are about recent news.
  const open = groups.length - sealed;
  groups.reverse();
  return groups.map((m, i) => ({ months: m, dir: i === 0 ? "pagefind/" : `pagefind-${i + 1}/`, sealed: i >= open }));
}
