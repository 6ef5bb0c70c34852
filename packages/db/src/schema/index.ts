export * from './accounts';
export * from './ops';
export * from './statements';
