/** Where the proxy writes its structured JSON log lines (one line a request). Default: `console`. */
export interface ProxyLogger {
  info(line: string): void;
  error(line: string): void;
}

/** A logger that drops every line (benchmarks, embedding apps with their own request logs). */
export const silentLogger: ProxyLogger = {
  info() {},
  error() {},
};
