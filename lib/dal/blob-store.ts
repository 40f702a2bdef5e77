import "server-only";
import { prisma } from "@/lib/db";

// Where attachment bytes live. The attachment rows (name, type, size, SHA-256) are always in the
// database; the bytes go through this small interface so another store (an object store, a
// volume) can replace the database one without touching the attachment code. The database store
// is the default: nothing to configure, and backups of the database include the evidence.

export type TBlobStore = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** null when there is nothing under `key`. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removing a missing key is not an error (a cascade may have removed it already). */
  remove(key: string): Promise<void>;
};

export const databaseBlobStore: TBlobStore = {
  async put(key, bytes) {
    await prisma().attachmentBlob.create({ data: { key, bytes: new Uint8Array(bytes) } });
  },
  async get(key) {
    const row = await prisma().attachmentBlob.findUnique({ where: { key }, select: { bytes: true } });
    return row ? new Uint8Array(row.bytes) : null;
  },
  async remove(key) {
    await prisma().attachmentBlob.deleteMany({ where: { key } });
  },
};

export function blobStore(): TBlobStore {
  return databaseBlobStore;
}
