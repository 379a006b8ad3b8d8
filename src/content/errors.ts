/**
 * A problem with an editor's content (not a bug in arshif). The CLI prints
 * these as one readable line each, without a stack trace.
 */
export class ContentError extends Error {
  readonly file: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly hint: string;

  constructor(
    file: string,
    problem: string,
    opts: { field?: string; line?: number; hint: string },
  ) {
    super(problem);
    this.name = "ContentError";
    this.file = file;
    this.field = opts.field;
    this.line = opts.line;
    this.hint = opts.hint;
  }

  /** `content/ar/x.md:3 (field "date"): problem. What to do: hint` */
  format(): string {
    const where =
      this.file +
      (this.line !== undefined ? `:${this.line}` : "") +
      (this.field !== undefined ? ` (field "${this.field}")` : "");
    return `${where}: ${this.message}. What to do: ${this.hint}`;
  }
}

/** Several content errors found in one pass, reported together. */
export class ContentErrors extends Error {
  readonly errors: ContentError[];
  constructor(errors: ContentError[]) {
    super(`${errors.length} content error(s)`);
    this.name = "ContentErrors";
    this.errors = errors;
  }
}
