// /api/card-challenges and /api/cards: proofs of card possession, and the account's own card (C1).
import { Router } from 'express';
import type { Services } from '../../activities/services';
import { createChallenge, verifyCardProof } from '../../activities/cards/proof';
import { bindOwnCard, unbindOwnCard } from '../../activities/cards/binding';
import { cardView } from '../../activities/cards/registry';
import { ApiError, clientIp, fieldError, strings } from '../http';
import { browserOwner, requireAccount } from '../sessions';

const PURPOSES = ['login', 'bind', 'addOperator', 'unbind'] as const;

export function cardChallengeRoutes(services: Services): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const purpose = req.body?.purpose;
    if (!PURPOSES.includes(purpose)) throw new ApiError(400, 'badRequest');
    res.status(201).json(await createChallenge(services, purpose, browserOwner(services, req, res)));
  });
  return router;
}

/** Reads and checks a card proof from a request body, or throws the field error `card`. */
export async function cardFromProof(services: Services, req: Parameters<typeof browserOwner>[1], res: Parameters<typeof browserOwner>[2], purpose: (typeof PURPOSES)[number]) {
  const f = strings(req.body, ['challengeId', 'certificate', 'signature'] as const);
  const proof = await verifyCardProof(services, { ...f, purpose, owner: browserOwner(services, req, res) });
  if (!proof.ok) throw fieldError({ card: proof.code });
  return proof.card;
}

export function myCardRoutes(services: Services): Router {
  const router = Router();
  router.use(requireAccount(services));

  router.get('/', async (req, res) => {
    const card = await services.db.models.Card.findOne({ where: { accountId: req.account!.id } });
    res.json({ card: card ? cardView(card) : null });
  });

  router.post('/', async (req, res) => {
    const card = await cardFromProof(services, req, res, 'bind');
    const problem = await bindOwnCard(services, req.account!, card, clientIp(req));
    if (problem) throw fieldError({ card: problem });
    const bound = await services.db.models.Card.findByPk(card.id);
    res.status(201).json({ card: cardView(bound!) });
  });

  // Unbinding needs the card itself: a session the card opened (L3), or a fresh proof signed by
  // it (purpose `unbind`). A password alone is not enough: it may be an impostor's (rule 2).
  router.delete('/', async (req, res) => {
    const card = await services.db.models.Card.findOne({ where: { accountId: req.account!.id } });
    if (!card) throw new ApiError(404, 'card.notBound');
    const session = req.portalSession!;
    const bySession = session.method === 'card' && session.cardId === card.id;
    if (!bySession) {
      if (!req.body?.challengeId) throw new ApiError(403, 'card.proofRequired');
      const proven = await cardFromProof(services, req, res, 'unbind');
      if (proven.id !== card.id) throw fieldError({ card: 'card.notThisCard' });
    }
    const problem = await unbindOwnCard(services, req.account!, clientIp(req), bySession ? 'cardSession' : 'cardProof');
    if (problem) throw new ApiError(404, problem);
    res.status(204).end();
  });

  return router;
}
