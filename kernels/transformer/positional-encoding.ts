// Sinusoidal positional encoding (Vaswani et al. 2017): PE[pos][2i] = sin(pos / 10000^(2i/d)),
// PE[pos][2i+1] = cos(pos / 10000^(2i/d)). Plain numbers, no tfjs: the model turns it into a constant tensor
// and the transformer cell draws it as a heat map.
//
// Example: sinusoidalPositionalEncoding(10, 32)[3][0] === Math.sin(3)

/** Rows are positions 0..length−1, columns the dModel encoding dimensions. */
export function sinusoidalPositionalEncoding(length: number, dModel: number): number[][] {
  if (!Number.isInteger(length) || length < 1 || length > 4096)
    throw new Error(`length must be an integer from 1 to 4096, got ${length}`);
  if (!Number.isInteger(dModel) || dModel < 2 || dModel > 4096 || dModel % 2 !== 0)
    throw new Error(`dModel must be an even integer from 2 to 4096, got ${dModel}`);
  const rows: number[][] = [];
  for (let pos = 0; pos < length; pos++) {
    const row = new Array<number>(dModel);
    for (let i = 0; i < dModel / 2; i++) {
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      row[2 * i] = Math.sin(angle);
      row[2 * i + 1] = Math.cos(angle);
    }
    rows.push(row);
  }
  return rows;
}
