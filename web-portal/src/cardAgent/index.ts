export { CardAgentError, agentUrl, cardAgent, isCardAgentError } from './client';
export { CardInfoView, cardMediumLabel, cardTypeLabel } from './CardInfoView';
export { CardPinPanel, type CardPinPanelProps, type VerifiedCard } from './CardPinPanel';
export { cardProblem, describeAgentError } from './messages';
export { createCardProof } from './proof';
export type { AgentEvent, AgentStatus, CardInfo, CardMedium, CardType, Reader } from './types';
export { useCardAgent, type AgentPhase, type CardAgentState } from './useCardAgent';
