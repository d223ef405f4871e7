import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The core identifies files by path strings. `file:` URIs map to file-system paths; any other scheme
 * (`untitled:`, ...) keeps its URI string as the "path", so such documents are analysed but never
 * confused with files on disk.
 */
export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

export function pathToUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path;
  return pathToFileURL(path).href;
}
