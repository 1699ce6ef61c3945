import { fuzzTest } from './harness/fuzz-test';

fuzzTest('overlay');
