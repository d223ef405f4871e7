// Public API of the analysis core: the only module the server and the CLI import.
export * from './syntax/text';
export * from './syntax/ast';
export * from './syntax/source-file';
export { OffsetMap } from './syntax/offset-map';
export * from './engine/types';
export { VERSION, TOOL_NAME, INFORMATION_URI } from './version';
