import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let fullGc: (() => void) | undefined;

/**
 * A full garbage collection. V8 collects what a step has let go of only when
 * it needs room, so a process that hands work to another (Pagefind's) or
 * starts the next render batch would otherwise keep that garbage beside it;
 * the build calls this at those points (docs/scale.md). Node offers it only
 * under `--expose-gc`: this takes V8's for a moment, as jest's leak detector
 * does, so that `npm run build` and every script that builds need no flag.
 */
export function collectGarbage(): void {
  if (!fullGc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) fullGc = exposed;
    else {
      setFlagsFromString("--expose-gc");
      fullGc = runInNewContext("gc") as () => void;
      setFlagsFromString("--no-expose-gc");
    }
  }
  fullGc();
}
