export * from './messages';
export * from './codec';
export * from './status';
export * from './text';
