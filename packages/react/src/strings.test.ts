import { describe, expect, it } from 'vitest';
import { clientCardStrings } from './clientCardStrings.js';
import { clientFrameStrings } from './clientFrameStrings.js';
import { clientListStrings } from './clientListStrings.js';
import { dialogActionStrings } from './dialogActionStrings.js';
import { dialogListStrings } from './dialogListStrings.js';
import { frameStrings } from './frameStrings.js';
import { historyStrings } from './historyStrings.js';
import { sendStrings } from './sendStrings.js';
import { stateStrings } from './stateStrings.js';
import { consoleStrings } from './strings.js';

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

describe('consoleStrings', () => {
  it('holds every group’s strings, no two groups naming a string alike (one would hide the other)', () => {
    const names = groups.flatMap((group) => Object.keys(group.en));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(consoleStrings.en).toSorted()).toEqual(names.toSorted());
  });

  it('says everything in Russian that it says in English', () => {
    for (const group of groups) expect(Object.keys(group.ru).toSorted()).toEqual(Object.keys(group.en).toSorted());
  });
});
