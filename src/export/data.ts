import type { Settings } from "../site/settings.ts";
import type { Urls } from "../site/urls.ts";
import type { Story } from "../archive/stories.ts";
import type { Entity } from "../entities/gazetteer.ts";
import type { TextPair } from "../related/pairs.ts";
import { articleUrl } from "../archive/stories.ts";
import { routes } from "../archive/routes.ts";
import { toCsv } from "./csv.ts";

/** The archive as data: what researchers download from /data/. */
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

/** A published file: its path under the site, its size in bytes and how many records it holds. */
export interface DataFileInfo {
  path: string;
  bytes: number;
  /** Rows or items; none for the package descriptor. */
  records?: number;
}

export function dataFiles(site: ExportSource): DataFiles {
  return exportData(site).files;
}

/** Size and record count of every published file (the data page shows them). */
export function describeDataFiles(site: ExportSource): DataFileInfo[] {
  const { files, records } = exportData(site);
  return Object.entries(files).map(([path, body]) => ({ path: "/" + path, bytes: Buffer.byteLength(body, "utf8"), ...(path in records ? { records: records[path] } : {}) }));
}

function exportData(site: ExportSource): { files: DataFiles; records: Record<string, number> } {
  const { urls } = site;
  const articles: Record<(typeof ARTICLE_FIELDS)[number], string>[] = [];
  const counts = new Map<string, { n: number; first: string; latest: string }>();
  for (const s of site.stories) {
    const ids = site.tags.get(s.key) ?? [];
    for (const id of ids) {
      const c = counts.get(id);
      const day = s.ar.date.day;
      if (!c) counts.set(id, { n: 1, first: day, latest: day });
      else {
        c.n++;
        if (day < c.first) c.first = day;
        if (day > c.latest) c.latest = day;
      }
    }
    for (const a of s.en ? [s.ar, s.en] : [s.ar]) {
      const other = a.lang === "ar" ? s.en : s.ar;
      articles.push({
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
      });
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
  const str = (name: string, description: string) => ({ name, type: "string", description });
  // How our CSV files are written (see csv.ts): UTF-8 with BOM, CRLF, RFC 4180 quoting.
  const CSV_RESOURCE = {
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8-sig",
    dialect: { delimiter: ",", lineTerminator: "\r\n", doubleQuote: true, header: true },
  };
  const pkg = {
    profile: "tabular-data-package",
    name: "arshif-archive",
    title: `${site.settings.title.en} — ${site.settings.title.ar}`,
    description: site.settings.description.en,
    homepage: urls.abs(routes.root()),
    ...(site.settings.license ? { licenses: [{ title: site.settings.license.name, ...(site.settings.license.url ? { path: site.settings.license.url } : { name: site.settings.license.name }) }] } : {}),
    resources: [
      {
        name: "articles",
        path: "articles.csv",
        ...CSV_RESOURCE,
        schema: {
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
        },
      },
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
      { name: "articles-json", path: "articles.json", format: "json", mediatype: "application/json" },
      { name: "related", path: "related.json", format: "json", mediatype: "application/json", description: "pairs of Arabic articles sharing text: relation (duplicate, update, shared), matched paragraphs (0-based indexes into each article)" },
      { name: "entities-json", path: "entities.json", format: "json", mediatype: "application/json" },
    ],
  };
  const records: Record<string, number> = {
    "data/articles.json": articles.length,
    "data/articles.csv": articles.length,
    "data/entities.json": entities.length,
    "data/entities.csv": entities.length,
    "data/related.json": site.pairs.length,
  };
  const files: DataFiles = {
    "data/articles.json": JSON.stringify(articles, null, 1) + "\n",
    "data/articles.csv": toCsv([...ARTICLE_FIELDS], articles.map((a) => ARTICLE_FIELDS.map((f) => a[f]))),
    "data/entities.json": JSON.stringify(entities, null, 1) + "\n",
    "data/entities.csv": toCsv([...ENTITY_FIELDS], entities.map((e) => ENTITY_FIELDS.map((f) => e[f]))),
    "data/related.json": JSON.stringify(
      site.pairs.map((p) => ({
        a: p.a.ar.id,
        b: p.b.ar.id,
        relation: p.relation,
        shared_paragraphs: p.shared,
        jaccard: Number(p.jaccard.toFixed(3)),
        containment: Number(p.containment.toFixed(3)),
      })),
      null,
      1,
    ) + "\n",
    "data/datapackage.json": JSON.stringify(pkg, null, 1) + "\n",
  };
  return { files, records };
}
