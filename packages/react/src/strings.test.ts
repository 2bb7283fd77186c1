import { describe, expect, it } from 'vitest';
import { clientCardStrings } from './clientCardStrings.js';
import { clientFrameStrings } from './clientFrameStrings.js';
import { clientListStrings } from './clientListStrings.js';
import { dialogActionStrings } from './dialogActionStrings.js';
import { dialogListStrings } from './dialogListStrings.js';
import { frameStrings } from './frameStrings.js';
import { historyStrings } from './historyStrings.js';
import { ru } from './locales/ru.js';
import { sendStrings } from './sendStrings.js';
import { stateStrings } from './stateStrings.js';
import { en } from './strings.js';

const groups = [
  frameStrings,
  clientFrameStrings,
  clientListStrings,
  dialogListStrings,
  dialogActionStrings,
  clientCardStrings,
  historyStrings,
  sendStrings,
  stateStrings,
];

describe('the language packs', () => {
  it('English holds every group’s strings, no two groups naming a string alike (one would hide the other)', () => {
    const names = groups.flatMap((group) => Object.keys(group));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(en.strings).toSorted()).toEqual(names.toSorted());
  });

  it('Russian says everything that English says, and nothing else', () => {
    expect(Object.keys(ru.strings).toSorted()).toEqual(Object.keys(en.strings).toSorted());
  });
});
