// Public API of the analysis core: the only module the server and the CLI import.
export * from './syntax/text';
export * from './syntax/ast';
export * from './syntax/source-file';
export { OffsetMap } from './syntax/offset-map';
export * from './engine/types';
export { VERSION, TOOL_NAME, INFORMATION_URI } from './version';
export { loadSourceFile, isProbablyBinary, MAX_FILE_BYTES } from './syntax/load-source-file';
export { readJitterpak, type JitterpakLimits, type JitterpakEntry, type JitterpakResult } from './syntax/embedded/jitterpak';
export { parseJavaScript, type JavaScriptParseResult, type JsComment, JS_SYNTAX_ERROR, JS_UNPARSABLE } from './syntax/javascript';
