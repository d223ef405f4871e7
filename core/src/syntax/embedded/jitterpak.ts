/**
 * Jitterpak (`.jpk`): a ZIP of a Design Studio project. Reads the text members worth scanning, with guards
 * against zip bombs (per-member and total decompressed size, member count). Never throws.
 */
import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate';

export interface JitterpakLimits {
  /** Largest decompressed member kept, in bytes (default 8 MiB). */
  maxEntryBytes?: number;
  /** Largest total decompressed size of the kept members, in bytes (default 64 MiB). */
  maxTotalBytes?: number;
  /** Most members the archive may list (default 20,000). */
  maxEntries?: number;
}

export interface JitterpakEntry {
  path: string;
  text: string;
}

export interface JitterpakResult {
  entries: JitterpakEntry[];
  diagnostics: string[];
}

const KEPT_EXTENSIONS = ['.xml', '.jb', '.js', '.json', '.conf'];

class TooManyEntries extends Error {}

function kept(name: string): boolean {
  const lower = name.toLowerCase();
  return !lower.endsWith('/') && KEPT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

export function readJitterpak(bytes: Uint8Array, limits: JitterpakLimits = {}): JitterpakResult {
  const maxEntryBytes = limits.maxEntryBytes ?? 8 * 1048576;
  const maxTotalBytes = limits.maxTotalBytes ?? 64 * 1048576;
  const maxEntries = limits.maxEntries ?? 20000;
  const diagnostics: string[] = [];
  let listed = 0;
  let total = 0;
  let totalExceeded = false;
  const filter = (f: UnzipFileInfo): boolean => {
    if (++listed > maxEntries) throw new TooManyEntries();
    if (!kept(f.name)) return false;
    if (f.compression !== 0 && f.compression !== 8) {
      diagnostics.push(`${f.name}: skipped, unsupported compression method ${f.compression}`);
      return false;
    }
    // Stored members are copied at their compressed size; deflated ones inflate into a buffer of the declared size.
    const size = f.compression === 0 ? f.size : f.originalSize;
    if (size > maxEntryBytes) {
      diagnostics.push(`${f.name}: skipped, ${mib(size)} exceeds the ${mib(maxEntryBytes)} member limit`);
      return false;
    }
    if (total + size > maxTotalBytes) {
      if (!totalExceeded) diagnostics.push(`archive exceeds the ${mib(maxTotalBytes)} total size limit; remaining members skipped`);
      totalExceeded = true;
      return false;
    }
    total += size;
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter });
  } catch (e) {
    if (e instanceof TooManyEntries) diagnostics.push(`archive lists more than ${maxEntries} members; not read`);
    else diagnostics.push(`not a readable Jitterpak (ZIP) archive: ${e instanceof Error ? e.message : String(e)}`);
    return { entries: [], diagnostics };
  }
  const entries: JitterpakEntry[] = [];
  for (const path of Object.keys(files).sort()) {
    try {
      let text = strFromU8(files[path]);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      entries.push({ path, text });
    } catch (e) {
      diagnostics.push(`${path}: could not be decoded as UTF-8 (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return { entries, diagnostics };
}
