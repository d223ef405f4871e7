// The pure project-variable model of a workspace: sources merged, names checked, manifest edits, renames, and
// the variable list exchanged with Harmony. Hosts (the server) pass file texts in; nothing here touches disk.
export { checkVariableName, type NameCheck } from './names';
export { editManifest, formatManifest, ManifestEditError, MANIFEST_SCHEMA_ID, type ManifestOp, type ManifestVariableInput } from './manifest-doc';
export {
  fileDeclarations, manifestDeclarations, mergeProjectVariables, sourceDeclarations,
  type ModelProblem, type ProjectVariable, type ProjectVariableModel, type VariableDeclaration, type VariableSourceKind,
} from './model';
export { exportNameAt, renameVariableEdits, type OffsetEdit, type RenameInput, type RenameResult } from './rename';
export {
  HARMONY_EXPORT_FORMAT, harmonyExport, harmonyExportText, importedVariables, importIntoManifest,
  type HarmonyExport, type HarmonyVariable, type ImportResult,
} from './harmony';
