// Process configuration read once from the environment. Every knob the
// operator can turn lives here, with the default the demo runs on.
import path from "node:path";

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

export type AppConfig = {
  dataDir: string;
  port: number;
  publicUrl: string;
  /** Root under which an admin may import server folders; null disables folder import. */
  importRoot: string | null;
  maxUploadBytes: number;
  /** Decompression-bomb guard, checked from the header before decoding pixels. */
  maxImagePixels: number;
  loginRateLimitMax: number;
  loginRateLimitWindowSeconds: number;
  embeddedDatabase: boolean;
};

export function readAppConfig(): AppConfig {
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.env.MASKWRIGHT_DATA_DIR ?? "data");
  const port = intFromEnv("PORT", 3000);
  return {
    dataDir,
    port,
    publicUrl: process.env.MASKWRIGHT_PUBLIC_URL ?? `http://localhost:${port}`,
    importRoot: process.env.MASKWRIGHT_IMPORT_ROOT ? path.resolve(process.env.MASKWRIGHT_IMPORT_ROOT) : null,
    maxUploadBytes: intFromEnv("MASKWRIGHT_MAX_UPLOAD_BYTES", 100 * 1024 * 1024),
    maxImagePixels: intFromEnv("MASKWRIGHT_MAX_IMAGE_PIXELS", 100_000_000),
    loginRateLimitMax: intFromEnv("MASKWRIGHT_LOGIN_RATE_LIMIT", 10),
    loginRateLimitWindowSeconds: intFromEnv("MASKWRIGHT_LOGIN_RATE_WINDOW_S", 60),
    embeddedDatabase: process.env.MASKWRIGHT_EMBEDDED_DB === "1",
  };
}

let cached: AppConfig | null = null;
export function appConfig(): AppConfig {
  cached ??= readAppConfig();
  return cached;
}
