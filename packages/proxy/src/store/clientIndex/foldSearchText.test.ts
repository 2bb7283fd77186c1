import { describe, expect, it } from 'vitest';
import { clientSearchText, foldSearchText, parseClientQuery } from './foldSearchText.js';

describe('foldSearchText', () => {
  it('ignores case and accents in Latin and Cyrillic', () => {
    expect(foldSearchText('José ÁLVAREZ')).toBe('jose alvarez');
    expect(foldSearchText('Françoise Müller')).toBe('francoise muller');
    expect(foldSearchText('ПЁТР Алексеевич')).toBe('петр алексеевич');
  });

  it('keeps й apart from и', () => {
    expect(foldSearchText('Андрей Йосипов')).toBe('андрей йосипов');
    expect(foldSearchText('Андрей')).not.toBe(foldSearchText('Андреи'));
  });

  it('leaves text without marks as it is, but lower case', () => {
    expect(foldSearchText('Анна Ли\tSmith')).toBe('анна ли\tsmith');
  });
});

describe('parseClientQuery', () => {
  it('turns a phone-like query into one needle of digits', () => {
    expect(parseClientQuery('+7 (701) 234-56')).toEqual({ needles: ['770123456'] });
  });

  it('splits any other query into folded words', () => {
    expect(parseClientQuery(' Ёлкин  Пётр ')).toEqual({ needles: ['елкин', 'петр'] });
    expect(parseClientQuery('Room 101')).toEqual({ needles: ['room', '101'] });
  });

  it('never puts whitespace or control characters in a needle', () => {
    expect(parseClientQuery('анна\nли\u0001smith\t')).toEqual({ needles: ['анна', 'ли', 'smith'] });
  });

  it('matches everyone for a blank query', () => {
    expect(parseClientQuery('   ')).toEqual({ needles: [] });
  });
});

describe('clientSearchText', () => {
  it('keeps the fields on separate lines so a needle cannot join two of them', () => {
    expect(clientSearchText('Анна', 'VIP Анна', '+7 701 111')).toBe('анна\nvip анна\n7701111');
    expect(clientSearchText(null, null, null)).toBe('\n\n');
  });
});
