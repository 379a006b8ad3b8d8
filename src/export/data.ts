import type { Settings } from "../site/settings.ts";
import type { Urls } from "../site/urls.ts";
import type { Story } from "../archive/stories.ts";
import type { Entity } from "../entities/gazetteer.ts";
import type { TextPair } from "../related/pairs.ts";
import { articleUrl } from "../archive/stories.ts";
import { routes } from "../archive/routes.ts";
import { toCsv } from "./csv.ts";

/** The archive as data: what researchers download from /data/ (path under the site → body). */
export interface DataFiles {
  [path: string]: string;
}

const ARTICLE_FIELDS = ["id", "language", "title", "date", "source", "place", "url", "entities", "translation_id", "page"] as const;
const ENTITY_FIELDS = ["id", "type", "name_ar", "name_en", "names_ar", "names_en", "article_count", "first_date", "latest_date", "wikidata", "page_ar", "page_en"] as const;

/**
 * What the export reads: the site's stories, entities and related pairs
 * (SiteData has them all; named here so the data page can use it without a circle).
 */
export interface ExportSource {
  settings: Settings;
  urls: Urls;
  stories: Story[];
  /** Story key → entity ids. */
  tags: Map<string, string[]>;
  entities: Entity[];
  pairs: TextPair[];
}

/** Which set a published file belongs to (the data page groups by it). */
export type DataSet = "articles" | "related" | "entities" | "package";

/** A published file: its site path, size in bytes and how many records it holds. */
export interface DataFileInfo {
  path: string;
  set: DataSet;
  format: "csv" | "json";
  /** The year a part covers (articles and related pairs are split by year). */
  year?: string;
  bytes: number;
  /** Rows or items; none for the package descriptor and the schema. */
  records?: number;
}

export interface DataExport {
  files: DataFiles;
  /** Every file of `files`, described, in the data page's order. */
  described: DataFileInfo[];
}

/** A file's key in `DataFiles` (its site path without the leading slash). */
const key = (...parts: string[]) => routes.dataFile(...parts).slice(1);

/** The year a story's records go in: that of its Arabic date, so both versions share a file. */
export function storyYear(s: Story): string {
  return s.ar.date.year;
}

/**
 * A related pair goes in the year of its later story: pairs are only ever
 * found with a new article, so adding one never touches an older year's file.
 */
export function pairYear(p: TextPair): string {
  return storyYear(later(p));
}

function later(p: TextPair): Story {
  return p.a.ar.date.epoch >= p.b.ar.date.epoch ? p.a : p.b;
}

export function dataFiles(site: ExportSource): DataFiles {
  return exportData(site).files;
}

/** Size and record count of every published file (the data page shows them). */
export function describeDataFiles(site: ExportSource): DataFileInfo[] {
  return exportData(site).described;
}

// The data page (when rendered or keyed) and the data-files step read the
// same export: made once per page model, not once per reader.
const made = new WeakMap<Story[], { site: ExportSource; data: DataExport }>();

export function exportData(site: ExportSource): DataExport {
  const hit = made.get(site.stories);
  if (hit && (["settings", "urls", "tags", "entities", "pairs"] as const).every((k) => hit.site[k] === site[k])) return hit.data;
  const data = makeExport(site);
  made.set(site.stories, { site, data });
  return data;
}

type ArticleRow = Record<(typeof ARTICLE_FIELDS)[number], string>;

function groupBy<T>(items: T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = keyOf(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 1) + "\n";
}

function makeExport(site: ExportSource): DataExport {
  const { urls } = site;
  const counts = new Map<string, { n: number; first: string; latest: string }>();
  // Oldest first (the stories come newest first), so the current year's file grows at its end.
  const stories = [...site.stories].reverse();
  const rowsOf = (s: Story): ArticleRow[] => {
    const ids = site.tags.get(s.key) ?? [];
    return (s.en ? [s.ar, s.en] : [s.ar]).map((a) => {
      const other = a.lang === "ar" ? s.en : s.ar;
      return {
        id: a.id,
        language: a.lang,
        title: a.title,
        date: s.ar.date.iso,
        source: a.source ?? s.ar.source ?? "",
        place: a.place ?? s.ar.place ?? "",
        url: s.ar.url ?? "",
        entities: ids.join(";"),
        translation_id: other?.id ?? "",
        page: urls.abs(articleUrl(a)),
      };
    });
  };
  for (const s of stories) {
    for (const id of site.tags.get(s.key) ?? []) {
      const c = counts.get(id);
      const day = s.ar.date.day;
      if (!c) counts.set(id, { n: 1, first: day, latest: day });
      else {
        c.n++;
        if (day < c.first) c.first = day;
        if (day > c.latest) c.latest = day;
      }
    }
  }
  const entities = site.entities
    .filter((e) => counts.has(e.id))
    .map((e) => {
      const c = counts.get(e.id)!;
      return {
        id: e.id,
        type: e.type,
        name_ar: e.names.ar[0] ?? "",
        name_en: e.names.en[0] ?? "",
        names_ar: e.names.ar.join(";"),
        names_en: e.names.en.join(";"),
        article_count: c.n,
        first_date: c.first,
        latest_date: c.latest,
        wikidata: e.wikidata ?? "",
        page_ar: urls.abs(routes.entity("ar", e.id)),
        page_en: urls.abs(routes.entity("en", e.id)),
      };
    });

  const files: DataFiles = {};
  const described: DataFileInfo[] = [];
  const put = (info: Omit<DataFileInfo, "bytes" | "path">, parts: string[], body: string) => {
    files[key(...parts)] = body;
    described.push({ path: routes.dataFile(...parts), ...info, bytes: Buffer.byteLength(body, "utf8") });
  };

  const articleYears = groupBy(stories, storyYear);
  for (const [year, list] of articleYears) {
    const rows = list.flatMap(rowsOf);
    put({ set: "articles", format: "csv", year, records: rows.length }, ARTICLE_PART("csv", year), toCsv([...ARTICLE_FIELDS], rows.map((r) => ARTICLE_FIELDS.map((f) => r[f]))));
    put({ set: "articles", format: "json", year, records: rows.length }, ARTICLE_PART("json", year), json(rows));
  }
  // Within a year, by the later story's date then the ids: the same pairs give the same bytes
  // whatever order the pair finder met them in.
  const pairYears = groupBy(
    [...site.pairs].sort((x, y) => later(x).ar.date.epoch - later(y).ar.date.epoch || cmp(x.a.ar.id, y.a.ar.id) || cmp(x.b.ar.id, y.b.ar.id)),
    pairYear,
  );
  for (const [year, list] of pairYears) {
    const items = list.map((p) => ({
      a: p.a.ar.id,
      b: p.b.ar.id,
      relation: p.relation,
      shared_paragraphs: p.shared,
      jaccard: Number(p.jaccard.toFixed(3)),
      containment: Number(p.containment.toFixed(3)),
    }));
    put({ set: "related", format: "json", year, records: items.length }, RELATED_PART(year), json(items));
  }
  put({ set: "entities", format: "csv", records: entities.length }, ["entities.csv"], toCsv([...ENTITY_FIELDS], entities.map((e) => ENTITY_FIELDS.map((f) => e[f]))));
  put({ set: "entities", format: "json", records: entities.length }, ["entities.json"], json(entities));
  put({ set: "package", format: "json" }, ["datapackage.json"], json(dataPackage(site, [...articleYears.keys()], [...pairYears.keys()])));
  put({ set: "package", format: "json" }, ARTICLE_SCHEMA, json(articleSchema()));
  return { files, described };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where a year's part of the articles and of the related pairs go, and the articles' shared schema. */
const ARTICLE_PART = (format: "csv" | "json", year: string) => ["articles", `${year}.${format}`];
const RELATED_PART = (year: string) => ["related", `${year}.json`];
const ARTICLE_SCHEMA = ["schemas", "articles.json"];

/** A path in the descriptor: relative to datapackage.json, which sits in /data/ itself. */
const rel = (parts: string[]) => parts.join("/");

const str = (name: string, description: string) => ({ name, type: "string", description });

function articleSchema() {
  return {
    primaryKey: ["id", "language"],
    fields: [
      str("id", "article id (unique per language; part of the page URL)"),
      { name: "language", type: "string", constraints: { enum: ["ar", "en"] } },
      str("title", "headline"),
      { name: "date", type: "datetime", description: "publication date, ISO 8601 with offset" },
      str("source", "publisher or agency"),
      str("place", "dateline city"),
      { name: "url", type: "string", format: "uri", description: "the original, when known" },
      str("entities", "ids of the people, organisations and places named, separated by ;"),
      str("translation_id", "id of the same article in the other language"),
      { name: "page", type: "string", format: "uri" },
    ],
  };
}

/**
 * The Data Package descriptor. Each year's part is its own resource (every
 * part is a standalone file with its own header); the CSV parts share one
 * Table Schema file by path. The package holds JSON resources too, so it is a
 * plain Data Package whose CSV resources are Tabular Data Resources
 * (docs/outputs.md cites the spec sections).
 */
function dataPackage(site: ExportSource, articleYears: string[], pairYears: string[]) {
  const { urls } = site;
  // How our CSV files are written (see csv.ts): UTF-8 with BOM, CRLF, RFC 4180 quoting.
  const CSV_RESOURCE = {
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8-sig",
    dialect: { delimiter: ",", lineTerminator: "\r\n", doubleQuote: true, header: true },
  };
  const JSON_RESOURCE = { format: "json", mediatype: "application/json" };
  return {
    profile: "data-package",
    name: "arshif-archive",
    title: `${site.settings.title.en} — ${site.settings.title.ar}`,
    description: site.settings.description.en,
    homepage: urls.abs(routes.root()),
    ...(site.settings.license ? { licenses: [{ title: site.settings.license.name, ...(site.settings.license.url ? { path: site.settings.license.url } : { name: site.settings.license.name }) }] } : {}),
    resources: [
      ...articleYears.flatMap((y) => [
        { name: `articles-${y}`, path: rel(ARTICLE_PART("csv", y)), title: `Articles of ${y}`, ...CSV_RESOURCE, schema: rel(ARTICLE_SCHEMA) },
        { name: `articles-${y}-json`, path: rel(ARTICLE_PART("json", y)), title: `Articles of ${y} (JSON)`, ...JSON_RESOURCE },
      ]),
      {
        name: "entities",
        path: "entities.csv",
        ...CSV_RESOURCE,
        schema: {
          primaryKey: ["id"],
          fields: [
            str("id", "entity id"),
            { name: "type", type: "string", constraints: { enum: ["person", "organization", "place"] } },
            str("name_ar", "Arabic display name"),
            str("name_en", "English display name"),
            str("names_ar", "all Arabic names, separated by ;"),
            str("names_en", "all English names, separated by ;"),
            { name: "article_count", type: "integer" },
            { name: "first_date", type: "date" },
            { name: "latest_date", type: "date" },
            str("wikidata", "Wikidata id"),
            { name: "page_ar", type: "string", format: "uri" },
            { name: "page_en", type: "string", format: "uri" },
          ],
        },
      },
      { name: "entities-json", path: "entities.json", ...JSON_RESOURCE },
      ...pairYears.map((y) => ({
        name: `related-${y}`,
        path: rel(RELATED_PART(y)),
        ...JSON_RESOURCE,
        description: `pairs of Arabic articles sharing text whose later article is from ${y}: relation (duplicate, update, shared), matched paragraphs (0-based indexes into each article)`,
      })),
    ],
  };
}
