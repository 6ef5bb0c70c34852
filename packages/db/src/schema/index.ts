export * from './accounts';
export * from './ops';
