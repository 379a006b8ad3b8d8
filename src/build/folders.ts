import { Worker } from "node:worker_threads";

/**
 * Makes folders on a second thread (plain JavaScript: a worker does not get
 * tsx's loader). Messages: lists of absolute folder paths, then `null`, which
 * is answered once every folder before it is made. A folder that cannot be
 * made is left: whoever writes into it makes it, or reports the error.
 */
const WORKER = `
const { parentPort } = require("node:worker_threads");
const fs = require("node:fs");
parentPort.on("message", (dirs) => {
  if (dirs === null) return parentPort.postMessage(null);
  for (const dir of dirs) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch {}
  }
});
`;

/**
 * Makes the folders of pages about to be written, beside the thread that
 * renders them: every page is a folder of its own (…/<id>/index.html), and
 * Eleventy makes each one with a check and a mkdir as it writes, one page
 * after the other. With the folder already there, the check is all it does.
 */
export class FolderMaker {
  private readonly worker = new Worker(WORKER, { eval: true });
  private failed: Error | undefined;

  constructor() {
    this.worker.on("error", (e) => (this.failed = e));
  }

  make(dirs: string[]): void {
    if (dirs.length && !this.failed) this.worker.postMessage(dirs);
  }

  /** Waits for the folders asked for, and ends the thread. */
  async close(): Promise<void> {
    if (!this.failed) {
      await new Promise<void>((resolve) => {
        this.worker.once("message", () => resolve());
        this.worker.once("error", () => resolve());
        this.worker.once("exit", () => resolve());
        this.worker.postMessage(null);
      });
    }
    await this.worker.terminate();
  }
}
