import "server-only";
import { prisma } from "@/lib/db";

const DB_TIMEOUT_MS = 2000;

/** Whether the database answers a trivial query within 2 s (for /api/health; reads no tenant data). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await Promise.race([
      prisma().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), DB_TIMEOUT_MS).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}
