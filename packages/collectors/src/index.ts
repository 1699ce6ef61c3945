export * from './types';
export { sqlCollectors } from './sql/index';
