/** Images drawn in the terminal: which terminals can (their replies), how big (cells), what is sent (kitty escapes), what can be drawn (PNG/JPEG headers). */
export {ANY_REPLY, DA1_REPLY, GRAPHICS_QUERY, repliesDone, supportFromReplies, type GraphicsProtocol, type GraphicsSupport} from './replies.js';
export {DEFAULT_CELL, imageCells, type CellBox} from './scale.js';
export {kittyForget, kittyHide, kittyPlace, kittyTransmit, type KittyPlacement} from './kitty.js';
export {MAX_IMAGE_BYTES, formatSize, imageFacts, type ImageFacts, type ImageFormat} from './header.js';
export {ImagePreparer, type ImageJob, type ImageResult} from './client.js';
