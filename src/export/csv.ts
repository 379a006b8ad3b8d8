/**
 * RFC 4180 CSV that spreadsheets open correctly with Arabic text: UTF-8 with
 * a byte-order mark, CRLF line ends, quotes doubled inside quoted fields.
 * Cells that a spreadsheet would run as a formula (= + - @ at the start) get
 * a leading apostrophe (OWASP's advice for CSV injection): the text is untrusted.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
