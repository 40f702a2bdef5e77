import type { ChildProcess } from "node:child_process";
export function freshPgliteUrl(prefix?: string): { url: string; dir: string };
export function prepareDatabase(databaseUrl: string, options?: { seed?: boolean }): void;
export type TServer = {
  child: ChildProcess;
  port: number;
  url: string;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};
export function startServer(options: { port: number; databaseUrl: string; env?: Record<string, string>; timeoutMs?: number }): Promise<TServer>;
export function runServerExpectingExit(options: { port: number; databaseUrl: string; env?: Record<string, string>; timeoutMs?: number }): Promise<{ code: number | null; output: string }>;
