import { open } from 'node:fs/promises';

/** Makes a rename or delete in a folder durable. Folders cannot be opened for fsync on Windows; renames are atomic there. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
