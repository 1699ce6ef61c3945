import { fuzzTests } from './harness/fuzz-test';

// The YAML inputs (overlay, planner and agent configs) and the planner's URL handling.
fuzzTests(['overlay', 'planner-config', 'agent-config', 'router']);
