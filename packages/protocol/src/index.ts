export * from './messages';
export * from './codec';
export * from './codes';
export * from './status';
export * from './text';
