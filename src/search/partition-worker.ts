/**
 * A worker process of the search build (pagefind.ts PartitionPool): builds
 * each partition it is sent with its own Pagefind process, one at a time.
 */
import { buildPartition, type Job } from "./pagefind.ts";

process.on("message", (job: Job) => {
  buildPartition(job.records, job.dir, { oneByOne: job.oneByOne ?? true }).then(
    () => process.send!({ ok: true }),
    (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
