import { fuzzTest } from './harness/fuzz-test';

fuzzTest('zip-memory');
