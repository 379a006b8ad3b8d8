/**
 * Pagefind keeps a whole index in memory while it writes it (docs/scale.md),
 * so a large archive is indexed in partitions of whole months, one Pagefind
 * process after another. The browser searches all of them at once (Pagefind's
 * mergeIndex); each partition costs the browser its metadata and one more
 * index chunk per query word, so partitions are not made smaller than memory
 * requires.
 */
export interface Partition {
  /** Output folder of this partition's index, relative to the site root. */
  dir: string;
  /** Months ("YYYY-MM", by the original's date) whose records this partition holds. */
  months: string[];
}

export const DEFAULT_PARTITION_SIZE = 4000;

/** Consecutive months packed into partitions of at most `max` records (a bigger month stands alone). */
export function planPartitions(recordsPerMonth: Map<string, number>, max: number): Partition[] {
  const months = [...recordsPerMonth.keys()].sort();
  const out: Partition[] = [];
  let current: string[] = [];
  let size = 0;
  for (const y of months) {
    const n = recordsPerMonth.get(y)!;
    if (current.length && size + n > max) {
      out.push({ dir: "", months: current });
      current = [];
      size = 0;
    }
    current.push(y);
    size += n;
  }
  if (current.length || !out.length) out.push({ dir: "", months: current });
  // Newest months in the primary index: most searches are about recent news.
  out.reverse();
  return out.map((p, i) => ({ ...p, dir: i === 0 ? "pagefind/" : `pagefind-${i + 1}/` }));
}
