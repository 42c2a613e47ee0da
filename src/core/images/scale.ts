/**
 * How many cells an image takes: as wide as its pixels would be (never wider
 * than the text column), as high as its shape then needs, and never more than
 * `maxRows` (half the screen): a tall image is made narrower instead.
 */
export interface CellBox {
	columns: number;
	rows: number;
}

/** A cell's size when the terminal does not say: the usual 1:2 shape. */
export const DEFAULT_CELL = {width: 8, height: 16} as const;

export function imageCells(pixels: {width: number; height: number}, cell: {width: number; height: number}, maxColumns: number, maxRows: number): CellBox | null {
	if (!(pixels.width > 0 && pixels.height > 0 && maxColumns > 0 && maxRows > 0)) return null;
	let columns = Math.max(1, Math.min(maxColumns, Math.ceil(pixels.width / cell.width)));
	// Height in cells for that width, keeping the image's shape on cells that are not square.
	const rowsFor = (cols: number): number => Math.max(1, Math.round((cols * cell.width * pixels.height) / pixels.width / cell.height));
	let rows = rowsFor(columns);
	if (rows > maxRows) {
		rows = maxRows;
		columns = Math.max(1, Math.min(columns, Math.round((maxRows * cell.height * pixels.width) / pixels.height / cell.width)));
	}
	return {columns, rows};
}
