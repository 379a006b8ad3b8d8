/**
 * The results of several Pagefind searches (a word in each of its forms) as
 * one list: each page once, in the order the reader asked for. Relevance
 * orders by Pagefind's score; date order merges the lists (each already
 * newest first) and asks for a page's date only when it heads a list, so a
 * page of results costs about as many lookups as it shows.
 */
export interface Ranked {
  id: string;
  score: number;
}

export class MergedResults<T extends Ranked> {
  /** Pages in all lists together, each counted once. */
  readonly count: number;
  private readonly lists: T[][];
  private readonly heads: number[];
  private readonly seen = new Set<string>();
  private readonly dates = new Map<string, Promise<string>>();
  private taken = 0;

  /** `dateOf`: date order (each list newest first); without it, relevance order. */
  constructor(
    lists: T[][],
    private readonly dateOf?: (r: T) => Promise<string>,
  ) {
    const ids = new Set(lists.flatMap((l) => l.map((r) => r.id)));
    this.count = ids.size;
    const nonEmpty = lists.filter((l) => l.length);
    if (nonEmpty.length > 1 && !dateOf) {
      // One list by score; a stable sort keeps Pagefind's order among equal scores.
      const union = new Map<string, T>();
      for (const r of nonEmpty.flat()) if (!union.has(r.id)) union.set(r.id, r);
      this.lists = [[...union.values()].sort((a, b) => b.score - a.score)];
    } else this.lists = nonEmpty;
    this.heads = this.lists.map(() => 0);
  }

  get done(): boolean {
    return this.taken >= this.count;
  }

  /** The next `n` results in order. */
  async take(n: number): Promise<T[]> {
    const out: T[] = [];
    while (out.length < n) {
      const next = await this.next();
      if (!next) break;
      out.push(next);
    }
    this.taken += out.length;
    return out;
  }

  private skipSeen(i: number): T | undefined {
    const list = this.lists[i]!;
    while (this.heads[i]! < list.length && this.seen.has(list[this.heads[i]!]!.id)) this.heads[i]!++;
    return list[this.heads[i]!];
  }

  private date(r: T): Promise<string> {
    let d = this.dates.get(r.id);
    if (!d) this.dates.set(r.id, (d = this.dateOf!(r)));
    return d;
  }

  private async next(): Promise<T | undefined> {
    const heads = this.lists.map((_, i) => this.skipSeen(i));
    let best = -1;
    if (this.lists.length === 1) best = heads[0] ? 0 : -1;
    else {
      const dates = await Promise.all(heads.map((h) => (h ? this.date(h) : undefined)));
      for (let i = 0; i < heads.length; i++) if (heads[i] && (best < 0 || dates[i]! > dates[best]!)) best = i;
    }
    if (best < 0) return undefined;
    const r = heads[best]!;
    this.seen.add(r.id);
    this.heads[best]!++;
    return r;
  }
}
