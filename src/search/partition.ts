/**
 * Pagefind keeps a whole index in memory while it writes it (measured with
 * bench/: about 0.4–0.5 MB per record, 4.9 GB for one 12,000-record index,
 * ~0.85 GB for 2,000), so a large archive is indexed in partitions of whole
 * years, one Pagefind process after another. The browser searches all of them
 * at once (Pagefind's mergeIndex); each partition costs the browser one more
 * index chunk (~25–30 KB) per query word, so partitions are not made smaller
 * than memory requires.
 */
export interface Partition {
  /** Output folder of this partition's index, relative to the site root. */
  dir: string;
  years: string[];
}

export const DEFAULT_PARTITION_SIZE = 2000;

/** Consecutive years packed into partitions of at most `max` records (a bigger year stands alone). */
export function planPartitions(recordsPerYear: Map<string, number>, max: number): Partition[] {
  const years = [...recordsPerYear.keys()].sort();
  const out: Partition[] = [];
  let current: string[] = [];
  let size = 0;
  for (const y of years) {
    const n = recordsPerYear.get(y)!;
    if (current.length && size + n > max) {
      out.push({ dir: "", years: current });
      current = [];
      size = 0;
    }
    current.push(y);
    size += n;
  }
  if (current.length || !out.length) out.push({ dir: "", years: current });
  // Newest years in the primary index: most searches are about recent news.
  out.reverse();
  return out.map((p, i) => ({ ...p, dir: i === 0 ? "pagefind/" : `pagefind-${i + 1}/` }));
}
