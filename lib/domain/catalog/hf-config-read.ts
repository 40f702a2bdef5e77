// Field access for Hugging Face config.json files. Multimodal configs (Gemma 3, Llama 4) nest the
// language model under `text_config`, so every lookup tries there first, then the top level.
// Problems are collected rather than thrown so the user sees every bad field at once.
import { jsonDepthProblem, type TFieldError } from "../shared";

export type TJsonObject = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is TJsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** 5 MB: real config.json files are a few kB; anything near this is not a config. */
export const MAX_CONFIG_CHARS = 5_000_000;

export function toJsonObject(input: unknown): { ok: true; value: TJsonObject } | { ok: false; errors: TFieldError[] } {
  let value = input;
  if (typeof input === "string") {
    if (input.length > MAX_CONFIG_CHARS)
      return { ok: false, errors: [{ path: "(root)", message: `config is too large (${input.length} characters; limit ${MAX_CONFIG_CHARS})` }] };
    const tooDeep = jsonDepthProblem(input);
    if (tooDeep) return { ok: false, errors: [{ path: "(root)", message: tooDeep }] };
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [{ path: "(root)", message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    }
  }
  if (!isJsonObject(value)) {
    const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
    return { ok: false, errors: [{ path: "(root)", message: `config must be a JSON object, got ${got}` }] };
  }
  return { ok: true, value };
}

const show = (v: unknown) => (typeof v === "string" ? `"${v.slice(0, 40)}"` : JSON.stringify(v) ?? String(v));

type TIntOptions = { min?: number; max: number };

export class ConfigReader {
  readonly errors: TFieldError[] = [];
  readonly warnings: string[] = [];

  constructor(
    private readonly root: TJsonObject,
    private readonly text: TJsonObject | undefined,
  ) {}

  /** First of `keys` present (not undefined or null), in text_config before the top level. */
  find(keys: string | readonly string[]): { key: string; path: string; value: unknown } | undefined {
    const names = typeof keys === "string" ? [keys] : keys;
    for (const [scope, prefix] of [
      [this.text, "text_config."],
      [this.root, ""],
    ] as const) {
      if (!scope) continue;
      for (const key of names) {
        const value = scope[key];
        if (value !== undefined && value !== null) return { key, path: prefix + key, value };
      }
    }
    return undefined;
  }

  has(keys: string | readonly string[]): boolean {
    return this.find(keys) !== undefined;
  }

  /** A required whole number; records "<key> is missing" or a type/range error. */
  requiredInt(keys: string | readonly string[], opts: TIntOptions): number | undefined {
    const found = this.find(keys);
    if (!found) {
      const key = typeof keys === "string" ? keys : keys[0];
      this.fail(this.text ? `text_config.${key}` : key, `${key} is missing`);
      return undefined;
    }
    return this.checkInt(found, opts);
  }

  optionalInt(keys: string | readonly string[], opts: TIntOptions): number | undefined {
    const found = this.find(keys);
    return found ? this.checkInt(found, opts) : undefined;
  }

  bool(key: string): boolean | undefined {
    const found = this.find(key);
    if (!found) return undefined;
    if (typeof found.value === "boolean") return found.value;
    this.fail(found.path, `${found.key} must be true or false, got ${show(found.value)}`);
    return undefined;
  }

  str(key: string): string | undefined {
    const found = this.find(key);
    return found && typeof found.value === "string" ? found.value : undefined;
  }

  array(key: string): unknown[] | undefined {
    const found = this.find(key);
    if (!found) return undefined;
    if (Array.isArray(found.value)) return found.value;
    this.fail(found.path, `${found.key} must be a list, got ${show(found.value)}`);
    return undefined;
  }

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  private checkInt(found: { key: string; path: string; value: unknown }, { min = 1, max }: TIntOptions): number | undefined {
    const v = found.value;
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.fail(found.path, `${found.key} must be a whole number, got ${show(v)}`);
      return undefined;
    }
    if (v < min || v > max) {
      this.fail(found.path, `${found.key} must be between ${min} and ${max}, got ${v}`);
      return undefined;
    }
    return v;
  }
}
