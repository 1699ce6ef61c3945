import { fuzzTest } from './harness/fuzz-test';

fuzzTest('planner-config');
