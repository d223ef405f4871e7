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

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Most members retried one by one when the archive as a whole fails to inflate (each retry re-reads the directory). */
const MAX_SEPARATE_RETRIES = 500;

export function readJitterpak(bytes: Uint8Array, limits: JitterpakLimits = {}): JitterpakResult {
  const maxEntryBytes = limits.maxEntryBytes ?? 8 * 1048576;
  const maxTotalBytes = limits.maxTotalBytes ?? 64 * 1048576;
  const maxEntries = limits.maxEntries ?? 20000;
  const diagnostics: string[] = [];

  // Pass 1: read the central directory only and choose the members to inflate.
  const selected = new Set<string>();
  let listed = 0;
  let total = 0;
  let totalExceeded = false;
  const choose = (f: UnzipFileInfo): boolean => {
    if (++listed > maxEntries) throw new TooManyEntries();
    if (!kept(f.name) || selected.has(f.name)) return false;
    if (f.compression !== 0 && f.compression !== 8) {
      diagnostics.push(`${f.name}: skipped, unsupported compression method ${f.compression}`);
      return false;
    }
    // Stored members are copied at their compressed size; deflated ones inflate into a buffer of the declared
    // size (fflate never grows it), so the declared size bounds the memory used.
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
    selected.add(f.name);
    return false;
  };
  try {
    unzipSync(bytes, { filter: choose });
  } catch (e) {
    if (e instanceof TooManyEntries) diagnostics.push(`archive lists more than ${maxEntries} members; not read`);
    else diagnostics.push(`not a readable Jitterpak (ZIP) archive: ${message(e)}`);
    return { entries: [], diagnostics };
  }

  // Pass 2: inflate the chosen members; if one is corrupt, retry them one at a time so the others survive.
  let files: Record<string, Uint8Array> = {};
  if (selected.size > 0) {
    try {
      files = unzipSync(bytes, { filter: (f) => selected.has(f.name) });
    } catch (e) {
      if (selected.size > MAX_SEPARATE_RETRIES) {
        diagnostics.push(`archive members could not be inflated: ${message(e)}`);
        return { entries: [], diagnostics };
      }
      files = {};
      for (const name of selected) {
        try {
          Object.assign(files, unzipSync(bytes, { filter: (f) => f.name === name }));
        } catch (inner) {
          diagnostics.push(`${name}: skipped, corrupt member (${message(inner)})`);
        }
      }
    }
  }
  const entries: JitterpakEntry[] = [];
  for (const path of Object.keys(files).sort()) {
    try {
      let text = strFromU8(files[path]);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      entries.push({ path, text });
    } catch (e) {
      diagnostics.push(`${path}: could not be decoded as UTF-8 (${message(e)})`);
    }
  }
  return { entries, diagnostics };
}
