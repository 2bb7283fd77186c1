import type { UploadFile } from '@c2d-console/react';

/**
 * The host's `uploadFile` for `SendMessageForm`, over the sandbox's in-memory file store
 * (`POST /sandbox/files`, one file in the field `file`): a real CRM puts the file in its own
 * storage and answers a URL Chat2Desk can download. Throws the store's own reason (too large,
 * full) for the form to show.
 */
export function createSandboxUpload(uploadUrl: string, fetchFile: typeof fetch = fetch): UploadFile {
  return async (file) => {
    const body = new FormData();
    body.append('file', file);
    const response = await fetchFile(uploadUrl, { method: 'POST', body });
    const answer = (await response.json().catch(() => null)) as {
      data?: { url: string; filename: string };
      error?: { message: string };
    } | null;
    if (!response.ok || !answer?.data) {
      throw new Error(answer?.error?.message ?? `The sandbox did not store ${file.name} (HTTP ${response.status})`);
    }
    return { url: answer.data.url, filename: answer.data.filename };
  };
}
