export * from './shared';
export * from './accounts';
export * from './mail';
export * from './jobs';
