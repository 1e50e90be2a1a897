// The error a bad notebook file raises at build time: it names the file and, where there is one, the field
// or section at fault, e.g. "03-attention.md: Key points: must be a bulleted list".

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'ContentError';
  }
}
