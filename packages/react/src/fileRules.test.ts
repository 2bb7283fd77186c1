import { describe, expect, it } from 'vitest';
import { acceptsFile, DEFAULT_ATTACHMENT_ACCEPT } from './fileRules.js';

const file = (name: string, type = '') => ({ name, type });

describe('acceptsFile', () => {
  it('matches extensions in any case, type wildcards and exact types', () => {
    expect(acceptsFile('.pdf', file('Invoice.PDF'))).toBe(true);
    expect(acceptsFile('image/*', file('photo', 'image/heic'))).toBe(true);
    expect(acceptsFile('application/pdf', file('x', 'application/pdf'))).toBe(true);
    expect(acceptsFile('image/*, .pdf', file('notes.txt', 'text/plain'))).toBe(false);
  });

  it('takes photos, video, audio, PDF and office documents by default, not programs', () => {
    expect(acceptsFile(DEFAULT_ATTACHMENT_ACCEPT, file('scan.jpg', 'image/jpeg'))).toBe(true);
    expect(acceptsFile(DEFAULT_ATTACHMENT_ACCEPT, file('price.xlsx', ''))).toBe(true);
    expect(acceptsFile(DEFAULT_ATTACHMENT_ACCEPT, file('voice.ogg', 'audio/ogg'))).toBe(true);
    expect(acceptsFile(DEFAULT_ATTACHMENT_ACCEPT, file('setup.exe', 'application/x-msdownload'))).toBe(false);
  });

  it('matches nothing with an empty list', () => {
    expect(acceptsFile('', file('a.pdf', 'application/pdf'))).toBe(false);
  });
});
