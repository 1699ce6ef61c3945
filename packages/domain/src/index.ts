export * from './inventory/index';
export * from './dr/index';
export * from './policy/index';
