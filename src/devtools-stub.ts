// Ink imports react-devtools-core only when DEV is set; the bundle must not carry it.
export default {initialize(): void {}, connectToDevTools(): void {}};
