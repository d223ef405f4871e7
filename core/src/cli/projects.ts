import { readdirSync, openSync, readSync, closeSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceEntry } from './discover';
import { isInside, relPath } from './discover';

/**
 * Grouping files into Jitterbit projects, the unit that is never split across workers or shards (cross-script
 * flows through globals stay inside one project). A project root is the outermost folder, below the top folder a
 * file was found under, that holds a Design Studio `Data/` folder or a Cloud Studio export; otherwise the top folder
 * itself. A Jitterpak is a project of its own.
 */

export interface ProjectGroup {
  /** Relative path of the project root (or of the `.jpk`), the shard key. */
  key: string;
  files: SourceEntry[];
  bytes: number;
}

const EXPORT_SNIFF = /"(metadataVersion|projectVariables|components|workflows|projectData)"\s*:/;

export class ProjectGrouper {
  private readonly markers = new Map<string, boolean>();
  constructor(private readonly root: string) {}

  /** A folder that holds a Design Studio `Data/` folder or a Cloud Studio export `.json`. */
  isProjectRoot(dir: string): boolean {
    let m = this.markers.get(dir);
    if (m !== undefined) return m;
    m = false;
    try {
      for (const ent of readdirSync(dir, { withFileTypes: true })) {
        if (ent.isDirectory() && ent.name === 'Data') m = true;
        else if (ent.isFile() && /\.json$/i.test(ent.name) && looksLikeExport(path.join(dir, ent.name))) m = true;
        if (m) break;
      }
    } catch {
      m = false;
    }
    this.markers.set(dir, m);
    return m;
  }

  projectRootOf(file: SourceEntry): string {
    let found: string | undefined;
    for (let d = path.dirname(file.abs); isInside(file.top, d); d = path.dirname(d)) {
      if (this.isProjectRoot(d)) found = d;
      if (d === file.top || path.dirname(d) === d) break;
    }
    return found ?? file.top;
  }

  group(files: SourceEntry[]): ProjectGroup[] {
    const groups = new Map<string, ProjectGroup>();
    for (const f of files) {
      const pr = this.projectRootOf(f);
      const key = f.jpk ? f.rel : pr === this.root ? '.' : relPath(this.root, pr);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { key, files: [], bytes: 0 }));
      g.files.push(f);
      g.bytes += f.size;
    }
    return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function looksLikeExport(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return EXPORT_SNIFF.test(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** FNV-1a of the project key: the same shard on every machine and every run. */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % count;
}

/** Projects of shard `index` (1-based) of `count`. */
export function selectShard(groups: ProjectGroup[], index: number, count: number): ProjectGroup[] {
  return groups.filter((g) => shardOf(g.key, count) === index - 1);
}
