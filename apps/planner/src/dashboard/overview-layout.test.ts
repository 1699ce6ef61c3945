import { describe, expect, it } from 'vitest';

type Pt = { x: number; y: number };
type Rect = { x: number; y: number; w: number; h: number };
type Label = { text: string; size: number; bold?: boolean; candidates: { x: number; y: number; anchor: string }[] };
const assetPath = './assets/overview-layout.js';
const m = (await import(assetPath)) as {
  segmentHitsRect: (a: Pt, b: Pt, r: Rect) => boolean;
  placeLabels: (labels: Label[], arrows: Pt[][], obstacles: Rect[]) => { placed: (Label & { x: number; y: number; anchor: string })[]; crossed: string[] };
  textBox: (text: string, x: number, y: number, size: number, anchor?: string) => Rect;
  pathOf: (pts: Pt[]) => string;
};

describe('overview layout', () => {
  it('a segment meets a rectangle when it crosses, enters or touches it; not when it passes by', () => {
    const r = { x: 10, y: 10, w: 20, h: 10 };
    expect(m.segmentHitsRect({ x: 0, y: 15 }, { x: 40, y: 15 }, r)).toBe(true);
    expect(m.segmentHitsRect({ x: 0, y: 0 }, { x: 40, y: 30 }, r)).toBe(true);
    expect(m.segmentHitsRect({ x: 15, y: 12 }, { x: 15, y: 13 }, r)).toBe(true);
    expect(m.segmentHitsRect({ x: 0, y: 0 }, { x: 40, y: 5 }, r)).toBe(false);
    expect(m.segmentHitsRect({ x: 0, y: 30 }, { x: 9, y: 0 }, r)).toBe(false);
    expect(m.segmentHitsRect({ x: 35, y: 0 }, { x: 35, y: 40 }, r)).toBe(false);
  });

  it('a label takes its first candidate that no arrow, box or earlier label touches', () => {
    const arrow = [{ x: 0, y: 50 }, { x: 200, y: 50 }];
    const labels: Label[] = [
      { text: 'on the line', size: 12, candidates: [{ x: 100, y: 54, anchor: 'middle' }, { x: 100, y: 40, anchor: 'middle' }] },
      { text: 'same place', size: 12, candidates: [{ x: 100, y: 40, anchor: 'middle' }, { x: 100, y: 75, anchor: 'middle' }] },
      { text: 'nowhere', size: 12, candidates: [{ x: 100, y: 55, anchor: 'middle' }] },
    ];
    const { placed, crossed } = m.placeLabels(labels, [arrow], []);
    expect(placed.map((l) => l.y)).toEqual([40, 75, 55]);
    expect(crossed).toEqual(['nowhere']);
    // A box is an obstacle too.
    const boxed = m.placeLabels([{ text: 'x', size: 12, candidates: [{ x: 15, y: 20, anchor: 'start' }, { x: 100, y: 20, anchor: 'start' }] }], [], [{ x: 10, y: 0, w: 30, h: 30 }]);
    expect(boxed.placed[0]!.x).toBe(100);
    expect(m.textBox('abcd', 100, 50, 10, 'end').x).toBeLessThan(100 - 4 * 5);
    expect(m.pathOf([{ x: 1, y: 2 }, { x: 3.25, y: 4 }])).toBe('M1.0,2.0 L3.3,4.0');
  });
});
