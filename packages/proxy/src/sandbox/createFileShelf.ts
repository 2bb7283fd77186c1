/** One stored file. */
export interface ShelvedFile {
  id: string;
  /** The name it was uploaded with, made safe (no path, no control characters). */
  name: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Options of {@link createFileShelf}. */
export interface FileShelfOptions {
  /** Largest file taken (default 10 MiB). */
  maxFileBytes?: number;
  /** Bytes kept in all; the oldest files go first past it (default 100 MiB). */
  maxTotalBytes?: number;
}

/** Files kept in memory for the sandbox's attachments (`POST /sandbox/files`). */
export interface FileShelf {
  readonly maxFileBytes: number;
  /** Keeps a file; throws a `RangeError` when it is larger than `maxFileBytes`. */
  put(name: string, contentType: string, bytes: Uint8Array<ArrayBuffer>): ShelvedFile;
  get(id: string): ShelvedFile | undefined;
}

/** A file name as it may be shown and put in a URL: its last path segment, without control characters, at most 255 characters. */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).at(-1) ?? '';
  // oxlint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/**
 * A bounded in-memory shelf of uploaded files, so the demo's `uploadFile` works offline: the
 * sandbox stands in for the host's storage. Ids are random (a URL cannot be guessed from
 * another), and the oldest files are dropped once `maxTotalBytes` is passed.
 */
export function createFileShelf({ maxFileBytes = 10 * 1024 * 1024, maxTotalBytes = 100 * 1024 * 1024 }: FileShelfOptions = {}): FileShelf {
  // A Map iterates in insertion order: the first entries are the oldest.
  const files = new Map<string, ShelvedFile>();
  let total = 0;
  return {
    maxFileBytes,
    put(name, contentType, bytes) {
      if (bytes.byteLength > maxFileBytes) throw new RangeError(`The file is larger than ${Math.floor(maxFileBytes / 1024 / 1024)} MiB`);
      const file: ShelvedFile = { id: crypto.randomUUID(), name: safeFileName(name), contentType, bytes };
      files.set(file.id, file);
      total += bytes.byteLength;
      for (const [id, old] of files) {
        if (total <= maxTotalBytes || id === file.id) break;
        files.delete(id);
        total -= old.bytes.byteLength;
      }
      return file;
    },
    get: (id) => files.get(id),
  };
}
