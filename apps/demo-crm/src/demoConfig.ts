/** What the demo server tells the page: where the proxy is and which Chat2Desk web host to frame. */
export interface DemoConfig {
  apiUrl: string;
  /** `sandbox`: the proxy's fake Chat2Desk; `live`: the real one. */
  mode: 'sandbox' | 'live';
  /** Origin of the Chat2Desk web UI for `DialogFrame` (the demo server itself in sandbox mode). */
  frameHost: string;
  /** Live mode: the JWT the demo server signed for this page (a host CRM does the same for its user). */
  authToken?: string;
  /** Sandbox mode: where the sandbox keeps attached files in memory (a live CRM would use its own storage). */
  uploadUrl?: string;
}

/** Reads `/demo-config.json` from the demo server, falling back to the sandbox on this origin. */
export async function loadDemoConfig(): Promise<DemoConfig> {
  const fallback: DemoConfig = { apiUrl: '/api', mode: 'sandbox', frameHost: window.location.origin, uploadUrl: '/sandbox/files' };
  try {
    const response = await fetch('/demo-config.json');
    if (!response.ok) return fallback;
    const config = (await response.json()) as Partial<DemoConfig>;
    return {
      apiUrl: config.apiUrl ?? fallback.apiUrl,
      mode: config.mode === 'live' ? 'live' : 'sandbox',
      frameHost: config.frameHost ?? fallback.frameHost,
      ...(config.authToken ? { authToken: config.authToken } : {}),
      ...(config.uploadUrl ? { uploadUrl: config.uploadUrl } : {}),
    };
  } catch {
    return fallback;
  }
}
