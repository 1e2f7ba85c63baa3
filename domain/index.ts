// The domain rules as one import for workflows, API and front ends.
export * from './errors';
export * from './messages';
export * from './dates';
export * from './identifiers';
export * from './accounts';
export * from './masking';
export * from './forms';
export * from './registrationForms';
export * from './countries';
export * from './operators';
export * from './qualifications';
export * from './appPermissions';
export { asText, trimmed, charLength } from './input';
export * from './accountCenter';
