import { fuzzTest } from './harness/fuzz-test';

fuzzTest('topology-xml');
