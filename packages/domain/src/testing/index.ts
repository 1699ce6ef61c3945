/** Helpers for tests of other packages (`@lyncdr/domain/testing`): one sample of every policy reason code. */
export { reasonSamples } from './reason-samples';
