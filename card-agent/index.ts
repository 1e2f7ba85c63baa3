// The card agent as a library: `npm start` creates demo cards and may run the agent in-process.
export { loadAgentConfig, AgentConfigError } from './config';
export type { AgentConfig } from './config';
export { startAgent, AGENT_NAME, AGENT_VERSION } from './server';
export type { AgentHandle } from './server';
export { createVirtualCard, insertCard, removeCard, listCards, VirtualCardError } from './virtualCards';
export type { CreateVirtualCardOptions, IssueCertificate, VirtualCardPublic, VirtualCardListing } from './virtualCards';
export type { CardDriver, CardInfo, CardEvent, Reader, CardType, CardMedium } from './drivers/driver';
