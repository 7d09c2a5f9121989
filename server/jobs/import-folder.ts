// What the Ingest form offers: the files in the import folder (CARECIRCLE_IMPORT_DIR), so an admin
// picks them instead of typing names. Subfolders are listed to a small depth; a link that leads outside
// the folder is left out (importPaths refuses it anyway). Bounded: at most MAX_FILES entries.
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const ImportFile = z.object({
  /** Relative to the import folder, with forward slashes: what POST /api/jobs takes in `files`. */
  name: z.string(),
  bytes: z.number().int(),
  modifiedAt: z.string(),
});
export type ImportFile = z.infer<typeof ImportFile>;

const MAX_FILES = 500;
const MAX_DEPTH = 3;

export async function listImportFolder(
  importDir: string,
): Promise<{ folder: string; items: ImportFile[]; truncated: boolean; missing: boolean }> {
  let root: string;
  try {
    root = await realpath(path.resolve(importDir));
  } catch {
    return { folder: importDir, items: [], truncated: false, missing: true };
  }
  const items: ImportFile[] = [];
  let truncated = false;
  const walk = async (dir: string, depth: number): Promise<void> => {
    const handle = await opendir(dir);
    for await (const entry of handle) {
      if (items.length >= MAX_FILES) {
        truncated = true;
        break;
      }
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let real: string;
      try {
        real = await realpath(full);
      } catch {
        continue; // a dangling link
      }
      if (!real.startsWith(root + path.sep)) continue;
      const info = await stat(real);
      if (info.isDirectory()) {
        if (depth < MAX_DEPTH) await walk(full, depth + 1);
      } else if (info.isFile()) {
        items.push({
          name: path.relative(root, full).split(path.sep).join('/'),
          bytes: info.size,
          modifiedAt: info.mtime.toISOString(),
        });
      }
    }
  };
  await walk(root, 1);
  items.sort((a, b) => a.name.localeCompare(b.name));
  return { folder: importDir, items, truncated, missing: false };
}
