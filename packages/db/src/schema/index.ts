export * from './accounts';
export * from './ops';
export * from './statements';
export * from './ai';
export * from './seasons';
