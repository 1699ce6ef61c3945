import { StatusEntry } from '@lyncdr/protocol';
import { describe, expect, it } from 'vitest';
import { reasonSamples } from '../testing/reason-samples';
import { reasonCodes } from './reasons';

describe('policy: machine-readable reasons', () => {
  const samples = reasonSamples();

  it('every reason carries a known code and its parameters, and the status schema keeps them', () => {
    for (const e of samples) {
      expect(reasonCodes, e.reason).toContain(e.reasonCode);
      expect(e.reasonParams, e.reason).toBeTypeOf('object');
      expect(StatusEntry.parse(e)).toEqual(e);
    }
  });

  it('the samples cover every code', () => {
    expect(new Set(samples.map((e) => e.reasonCode))).toEqual(new Set(reasonCodes));
    expect(samples.map((e) => `${e.status}: ${e.reason}`)).toMatchSnapshot();
  });
});
