import { fuzzTest } from './harness/fuzz-test';

fuzzTest('sql-header');
