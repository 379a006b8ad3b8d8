/**
 * Pagefind keeps a whole index in memory while it writes it (about 2 GB for
 * 10,000 pages here, growing linearly), so a large archive is indexed in
 * partitions of whole years, one Pagefind process after another. The browser
 * searches all of them at once (Pagefind's mergeIndex).
 */
export interface Partition {
  /** Output folder of this partition's index, relative to the site root. */
  dir: string;
  years: string[];
}

export const DEFAULT_PARTITION_SIZE = 15000;

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
