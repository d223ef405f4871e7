// Public API of the analysis core: the only module the server and the CLI import.
export * from './syntax/text';
export * from './syntax/ast';
export * from './syntax/source-file';
export { OffsetMap } from './syntax/offset-map';
export * from './engine/types';
export { VERSION, TOOL_NAME, INFORMATION_URI } from './version';
export { loadSourceFile, isProbablyBinary, MAX_FILE_BYTES } from './syntax/load-source-file';
export { agentConfByName, isAgentConf } from './syntax/embedded/jitterbit-conf';
export { readJitterpak, type JitterpakLimits, type JitterpakEntry, type JitterpakResult } from './syntax/embedded/jitterpak';
export { parseJavaScript, type JavaScriptParseResult, type JsComment, JS_SYNTAX_ERROR, JS_UNPARSABLE } from './syntax/javascript';
export { parseScript } from './syntax/parser';
export { lex } from './syntax/lexer';
export type { Token, TokenKind } from './syntax/tokens';
export { walk, forEachChild, childrenOf, type SyntaxNode } from './syntax/walk';
export { extractComponentRefs, type ComponentRef } from './syntax/component-refs';
export * from './engine/project-api';
export { createProject, Project } from './engine/project';
export {
  CONFIG_FILE_NAME, DEFAULT_CONFIG, ConfigResolver, resolveConfig, isPathAllowed, isValueAllowed, ruleSeverity, parseConfigText,
} from './engine/config';
export { suppressionComment, DIRECTIVE_RULES } from './engine/directives';
export { INTERNAL_RULE, SYNTAX_RULE } from './engine/linter';
export { readManifest, MANIFEST_PATH_SUFFIX, type Manifest, type ManifestVariable } from './engine/manifest';
export {
  FUNCTION_CATALOGUE, SYSTEM_VARIABLES, lookupFunction, lookupJsFunction, isKnownSystemVariable,
  type FunctionInfo, type ParamInfo, type SystemVariableInfo,
} from './semantics/catalogue';
export { sanitizeVariableName, uniqueVariableName } from './fixes/use-project-variable';
export { embeddedSuppressionFix } from './fixes/suppress';
export { mask } from './detectors';
export * from './workspace';
