import { fuzzTests } from './harness/fuzz-test';

// Topology documents, both zip readers, SQL backup headers, protocol frames, steps and state.
fuzzTests(['topology-xml', 'topology-tbxml', 'topology-zip', 'zip-memory', 'zip-stream', 'sql-header', 'protocol', 'steps', 'state']);
