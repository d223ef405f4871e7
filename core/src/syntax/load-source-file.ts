/**
 * Host file → SourceFile: detects the kind (content and extension) and extracts script regions, data entries
 * and host comments with offset maps back to the host. Never throws.
 */
import type { SyntaxDiagnostic } from './ast';
import { parseCloudExport } from './embedded/cloud-export';
import { parseDesignStudio } from './embedded/design-studio';
import { guessKind, isProbablyBinary, MAX_FILE_BYTES } from './embedded/detect';
import { parseJitterbitConf } from './embedded/jitterbit-conf';
import { scriptBody } from './embedded/script-text';
import { OffsetMap } from './offset-map';
import type { FileKind, SourceFile } from './source-file';
import { LineMap } from './text';

function unsupported(message: string, code = 'host/unsupported-format', severity: SyntaxDiagnostic['severity'] = 'info'): SyntaxDiagnostic {
  return { code, message, severity, start: 0, end: 0 };
}

function load(file: SourceFile): void {
  const text = file.text;
  if (text.length > MAX_FILE_BYTES) {
    file.kind = 'unsupported';
    file.diagnostics.push(unsupported(`File skipped: ${text.length} characters exceeds the ${MAX_FILE_BYTES}-byte limit.`));
    return;
  }
  if (isProbablyBinary(text)) {
    file.kind = 'unsupported';
    file.diagnostics.push(unsupported('File skipped: it looks binary, not text.'));
    return;
  }
  const guess = guessKind(file.path, text);
  file.kind = guess.kind;
  switch (guess.format) {
    case 'jitterbit':
      file.regions.push({ id: 'script', language: 'jitterbit', text, map: OffsetMap.shift(0), encoding: 'raw' });
      return;
    case 'javascript': {
      const body = scriptBody(text);
      file.regions.push({
        id: 'script',
        language: 'javascript',
        text: text.slice(body.start, body.end),
        map: OffsetMap.shift(body.start),
        encoding: 'raw',
      });
      return;
    }
    case 'json': {
      const r = parseCloudExport(text);
      if (!r.recognised) {
        file.kind = 'unsupported';
        file.diagnostics.push(
          ...(r.diagnostics.length > 0
            ? r.diagnostics
            : [unsupported('Not a Cloud Studio project export: the JSON has no components, projectVariables or scripts.')]),
        );
        return;
      }
      file.regions.push(...r.regions);
      file.data.push(...r.data);
      file.diagnostics.push(...r.diagnostics);
      return;
    }
    case 'xml': {
      const r = parseDesignStudio(text);
      if (!r.recognised) file.kind = 'unsupported';
      file.regions.push(...r.regions);
      file.data.push(...r.data);
      file.hostComments.push(...r.hostComments);
      file.diagnostics.push(...r.diagnostics);
      return;
    }
    case 'conf': {
      const r = parseJitterbitConf(text);
      if (r.data.length === 0 && r.sections === 0 && r.hostComments.length === 0 && text.trim() !== '') {
        file.kind = 'unsupported';
        file.diagnostics.push(unsupported('Not a jitterbit.conf: no [Section] headers or key=value lines.'));
        return;
      }
      file.data.push(...r.data);
      file.hostComments.push(...r.hostComments);
      return;
    }
    case 'none':
      file.diagnostics.push(unsupported('Unsupported file: not a Jitterbit script, JavaScript body, project export, Design Studio entity or jitterbit.conf.'));
      return;
  }
}

/** Build the SourceFile for `text` read from `path` (a path or URI string, used for detection and messages). */
export function loadSourceFile(path: string, text: string): SourceFile {
  const file: SourceFile = {
    path,
    kind: 'unsupported' as FileKind,
    text,
    lines: new LineMap(text),
    regions: [],
    data: [],
    hostComments: [],
    diagnostics: [],
  };
  try {
    load(file);
  } catch (e) {
    // Defensive: the scanners do not throw, but a host file must never take the analysis down.
    file.kind = 'unsupported';
    file.regions = [];
    file.data = [];
    file.hostComments = [];
    file.diagnostics = [
      unsupported(`Internal error while reading the file: ${e instanceof Error ? e.message : String(e)}`, 'host/malformed', 'error'),
    ];
  }
  return file;
}

export { isProbablyBinary, MAX_FILE_BYTES } from './embedded/detect';
