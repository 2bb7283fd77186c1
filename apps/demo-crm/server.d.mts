/** A running demo server. */
export interface DemoServer {
  url: string;
  port: number;
  mode: 'sandbox' | 'live';
  close(): Promise<void>;
}

/** Starts the demo (built page + proxy under /api + sandbox web UI under /chat and files under /sandbox/files) on one port. */
export function startDemoServer(options?: {
  port?: number;
  host?: string;
  env?: Record<string, string | undefined>;
  distDir?: string;
  /** No request log lines (tests). */
  quiet?: boolean;
  log?: (line: string) => void;
}): Promise<DemoServer>;
