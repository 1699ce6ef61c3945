import { fuzzTest } from './harness/fuzz-test';

fuzzTest('agent-config');
