import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadStream } from "node:fs";
import { stat, readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  // Pagefind's compressed index files (pf_meta, pf_index, pf_fragment, pf_filter) and its wasm bundle.
  ".pagefind": "application/octet-stream",
};

export function contentType(file: string): string {
  const ext = extname(file).toLowerCase();
  if (ext.startsWith(".pf_")) return "application/octet-stream";
  return TYPES[ext] ?? "application/octet-stream";
}

export interface Served {
  /** Base URL including the prefix, ending in "/": http://127.0.0.1:PORT/archive/ */
  url: string;
  /** Origin only: http://127.0.0.1:PORT */
  origin: string;
  close(): Promise<void>;
}

/**
 * A tiny static file server for a built site on 127.0.0.1 (random port):
 * files of `root` under the URL path `prefix`, index.html for directories
 * (with a redirect adding the trailing slash), and the site's 404.html with
 * status 404 for anything else. GET and HEAD only; nothing outside `root`.
 */
export async function serve(root: string, prefix = "/"): Promise<Served> {
  const base = resolve(root);
  const pre = `/${prefix}/`.replace(/\/+/g, "/");
  const notFound = async (res: import("node:http").ServerResponse, head: boolean) => {
    let body: Buffer;
    try {
      body = await readFile(join(base, "404.html"));
    } catch {
      body = Buffer.from("not found\n");
    }
    res.writeHead(404, { "content-type": "text/html; charset=utf-8", "content-length": body.length, "cache-control": "no-store" });
    res.end(head ? undefined : body);
  };

  const server = createServer(async (req, res) => {
    try {
      const head = req.method === "HEAD";
      if (req.method !== "GET" && !head) {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return void (await notFound(res, head));
      }
      if (!path.startsWith(pre)) {
        // "/archive" without its slash goes to the site; anything else outside the prefix is not ours.
        if (path + "/" === pre) return void res.writeHead(301, { location: pre + url.search }).end();
        return void (await notFound(res, head));
      }
      const rel = path.slice(pre.length);
      if (rel.includes("\0")) return void (await notFound(res, head));
      let file = resolve(base, rel);
      if (file !== base && !file.startsWith(base + sep)) return void (await notFound(res, head));
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!path.endsWith("/")) return void res.writeHead(301, { location: path + "/" + url.search }).end();
        file = join(file, "index.html");
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) return void (await notFound(res, head));
      res.writeHead(200, { "content-type": contentType(file), "content-length": info.size, "cache-control": "no-store" });
      if (head) return void res.end();
      createReadStream(file).on("error", () => res.destroy()).pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  // Idle sockets stay open longer than a test pauses (a server closing one as the browser
  // reuses it can fail a request); close() ends them all at once.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + pre,
    origin,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.close((e) => (e ? fail(e) : ok()));
        server.closeAllConnections();
      }),
  };
}
