import { DateTime } from "luxon";

/** An article's moment, and the calendar day it belongs to in the site's time zone. */
export interface ArticleDate {
  /** ISO 8601 with the site zone's offset, e.g. 2025-09-16T00:00:00.000+03:00 */
  iso: string;
  /** Calendar day in the site's time zone: YYYY-MM-DD */
  day: string;
  year: string;
  month: string;
  dayOfMonth: string;
  /** Milliseconds since the epoch, for sorting. */
  epoch: number;
  /** False when the source gave only a calendar date (no time of day to show). */
  hasTime: boolean;
}

const CALENDAR = /^\d{4}-\d{2}-\d{2}$/;
// A time must carry an explicit offset: a bare local time would depend on the build machine.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export type DateProblem = { problem: string; hint: string };

/** Parses a front-matter date; returns a problem description instead of throwing. */
export function parseArticleDate(value: string, zone: string): ArticleDate | DateProblem {
  let dt: DateTime;
  let hasTime: boolean;
  if (CALENDAR.test(value)) {
    dt = DateTime.fromISO(value, { zone });
    hasTime = false;
  } else if (WITH_OFFSET.test(value)) {
    dt = DateTime.fromISO(value, { setZone: true }).setZone(zone);
    hasTime = true;
  } else {
    return {
      problem: `"${value}" is not a date in the form YYYY-MM-DD or an ISO 8601 time with an offset`,
      hint: "write e.g. 2025-09-16 or 2025-09-16T08:30:00+03:00",
    };
  }
  if (!dt.isValid) {
    return {
      problem: `"${value}" is not a real date (${dt.invalidExplanation ?? dt.invalidReason ?? "invalid"})`,
      hint: "check the day and month (e.g. there is no 2025-02-30 or month 13)",
    };
  }
  return fromDateTime(dt, hasTime);
}

export function fromDateTime(dt: DateTime, hasTime: boolean): ArticleDate {
  return {
    iso: dt.toISO({ suppressMilliseconds: true }) ?? "",
    day: dt.toFormat("yyyy-MM-dd"),
    year: dt.toFormat("yyyy"),
    month: dt.toFormat("MM"),
    dayOfMonth: dt.toFormat("dd"),
    epoch: dt.toMillis(),
    hasTime,
  };
}

export function isDateProblem(v: ArticleDate | DateProblem): v is DateProblem {
  return "problem" in v;
}
