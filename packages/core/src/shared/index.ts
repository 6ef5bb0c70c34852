export * from './domain-error';
export type * from './ports';
