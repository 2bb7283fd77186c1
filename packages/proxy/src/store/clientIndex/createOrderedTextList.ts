/** What {@link createOrderedTextList} holds: anything with the text to search. */
export interface HasText {
  /** Searchable text. */
  readonly text: string;
}

/**
 * A list kept in one order that can be scanned for substrings fast. Items live in blocks of
 * about a thousand; each block joins its items' texts into one string when first scanned, so
 * a scan is a few `indexOf` runs over contiguous memory rather than a visit to every item
 * (100 000 separately allocated strings visited in an order unrelated to where they sit in
 * memory cost ten times more). A change re-joins only the block it touched.
 */
export interface OrderedTextList<T extends HasText> {
  /** How many items it holds. */
  readonly size: number;
  /** Replaces everything with `items`, which must already be in order. */
  reset(items: readonly T[]): void;
  /** Puts `item` in its place. */
  insert(item: T): void;
  /** Takes out `item` (the same object that was put in); false when it is not there. */
  remove(item: T): boolean;
  /**
   * Calls `visit` with every item whose text contains every needle, in order. No needles: every
   * item. A needle must not contain a line break: those separate the items' texts in a block.
   */
  scan(needles: readonly string[], visit: (item: T) => void): void;
}

interface Block<T> {
  items: T[];
  /** The items' texts joined by line breaks, and where each starts; `undefined` until scanned after a change. */
  joined: { text: string; starts: Int32Array } | undefined;
}

const BLOCK_SIZE = 1024;

/** Creates an empty {@link OrderedTextList}; `compare` orders it (negative: `a` comes first). */
export function createOrderedTextList<T extends HasText>(compare: (a: T, b: T) => number): OrderedTextList<T> {
  let blocks: Block<T>[] = [];
  let size = 0;

  /** Index of the first position in `list` where `item` does not come after the item there. */
  const lowerBound = <U>(list: readonly U[], item: T, key: (value: U) => T) => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(key(list[middle] as U), item) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  /** The block `item` belongs in: the first whose last item does not come before it, else the last block. */
  const blockFor = (item: T) => Math.min(lowerBound(blocks, item, (block) => block.items.at(-1) as T), blocks.length - 1);

  const join = (block: Block<T>) => {
    const starts = new Int32Array(block.items.length);
    let offset = 0;
    block.items.forEach((item, index) => {
      starts[index] = offset;
      offset += item.text.length + 1;
    });
    block.joined = { text: block.items.map((item) => item.text).join('\n'), starts };
    return block.joined;
  };

  /** Index of the item whose text holds position `at` of the joined text. */
  const itemAt = (starts: Int32Array, at: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  return {
    get size() {
      return size;
    },

    reset(items) {
      blocks = [];
      for (let start = 0; start < items.length; start += BLOCK_SIZE) blocks.push({ items: items.slice(start, start + BLOCK_SIZE), joined: undefined });
      size = items.length;
    },

    insert(item) {
      size++;
      if (blocks.length === 0) {
        blocks.push({ items: [item], joined: undefined }); // no block is ever empty
        return;
      }
      const index = blockFor(item);
      const block = blocks[index] as Block<T>;
      block.items.splice(lowerBound(block.items, item, (value) => value), 0, item);
      block.joined = undefined;
      if (block.items.length >= 2 * BLOCK_SIZE) {
        blocks.splice(index + 1, 0, { items: block.items.splice(BLOCK_SIZE), joined: undefined });
      }
    },

    remove(item) {
      if (blocks.length === 0) return false;
      const index = blockFor(item);
      const block = blocks[index] as Block<T>;
      const position = lowerBound(block.items, item, (value) => value);
      if (block.items[position] !== item) return false;
      block.items.splice(position, 1);
      block.joined = undefined;
      size--;
      if (block.items.length === 0) blocks.splice(index, 1);
      return true;
    },

    scan(needles, visit) {
      if (needles.length === 0) {
        for (const block of blocks) for (const item of block.items) visit(item);
        return;
      }
      // The longest needle is usually the rarest: scan for it, check the others on its hits.
      const [first, ...others] = needles.toSorted((a, b) => b.length - a.length) as [string, ...string[]];
      for (const block of blocks) {
        const { text, starts } = block.joined ?? join(block);
        let at = text.indexOf(first);
        while (at !== -1) {
          const index = itemAt(starts, at);
          const item = block.items[index] as T;
          if (others.every((needle) => item.text.includes(needle))) visit(item);
          // On to the next item: each matches once, however often its text holds the needle.
          at = index + 1 < starts.length ? text.indexOf(first, starts[index + 1]) : -1;
        }
      }
    },
  };
}
