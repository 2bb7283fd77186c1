import { describe, expect, it } from 'vitest';
import { createFileShelf, safeFileName } from './createFileShelf.js';

const bytes = (n: number) => new Uint8Array(n);

describe('createFileShelf', () => {
  it('keeps a file under a random id and gives it back', () => {
    const shelf = createFileShelf();
    const file = shelf.put('чек.png', 'image/png', new Uint8Array([1, 2, 3]));
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shelf.get(file.id)).toEqual({ id: file.id, name: 'чек.png', contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]) });
    expect(shelf.put('чек.png', 'image/png', bytes(1)).id).not.toBe(file.id);
  });

  it('refuses a file over the limit, saying the limit', () => {
    expect(() => createFileShelf({ maxFileBytes: 2 * 1024 * 1024 }).put('big.bin', 'application/octet-stream', bytes(2 * 1024 * 1024 + 1))).toThrow('larger than 2 MiB');
  });

  it('drops the oldest files once the total is passed, never the one just kept', () => {
    const shelf = createFileShelf({ maxFileBytes: 10, maxTotalBytes: 20 });
    const [a, b, c] = [shelf.put('a', 't', bytes(10)), shelf.put('b', 't', bytes(10)), shelf.put('c', 't', bytes(10))];
    expect([shelf.get(a.id), shelf.get(b.id), shelf.get(c.id)].map(Boolean)).toEqual([false, true, true]);
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\op\\scan.pdf', 'scan.pdf'],
    ['a\u0000b\nc.txt', 'abc.txt'],
    ['..', 'file'],
    ['', 'file'],
    ['я'.repeat(300), 'я'.repeat(255)],
  ])('%j becomes %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });
});
