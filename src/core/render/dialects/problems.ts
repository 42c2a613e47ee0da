/** Something in an article's dialect markup that could not be acted out as written; `inkshelf check` lists it. */
export interface DialectProblem {
	/** 1-based line of the body. */
	line: number;
	message: string;
}
