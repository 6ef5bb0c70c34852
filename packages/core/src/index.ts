export * from './shared';
export * from './accounts';
export * from './mail';
export * from './jobs';
export * from './rooms';
export * as statements from './statements';
export * as metrics from './metrics';
export * as ranking from './ranking'; export * as seasons from './seasons';
