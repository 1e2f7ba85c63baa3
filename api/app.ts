// The express application: JSON API, the built portal at / and the built console at /console/.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import cookieParser from 'cookie-parser';
import type { Services } from '../activities/services';
import { errorHandler, ApiError } from './http';
import type { FlowRuntime } from './flows';
import { flowRoutes } from './routes/flows';
import { captchaRoutes } from './routes/captcha';
import { sessionRoutes } from './routes/session';
import { accountRoutes } from './routes/account';
import { accountCenterRoutes } from './routes/accountCenter';
import { operatorRoutes } from './routes/operators';
import { qualificationRoutes } from './routes/qualifications';
import { permissionRoutes } from './routes/permissions';
import { appRoutes } from './routes/apps';
import { devRoutes } from './routes/dev';
import { elicenseRoutes } from './routes/elicense';
import { healthRoutes } from './routes/health';
import { adminRoutes } from './routes/admin';
import { cardChallengeRoutes, myCardRoutes } from './routes/cards';
import { reviewUploadRoutes } from './routes/reviewUploads';
import { bankUkeyRoutes } from './routes/bankUkey';
import { devOnly, isLocalRequest } from './devOnly';

export interface AppOptions {
  sessionHours: number;
  temporalUiUrl: string;
  namespace: string;
  staticRoot?: string; // folder holding web-portal/ and admin-ui/ builds
  cardAgentUrl: string; // where the portal in the browser finds the card agent
}

export function createApp(services: Services, rt: FlowRuntime, opts: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '100kb' }));
  app.use(cookieParser());
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });

  app.use('/healthz', healthRoutes(services, rt, opts.namespace));
  app.use('/api/captcha', captchaRoutes(services));
  app.use('/api/flows', flowRoutes(services, rt, opts.sessionHours));
  app.use('/api/elicense', elicenseRoutes(services, rt));
  app.use('/api/session', sessionRoutes(services, rt, opts.sessionHours));
  app.use('/api/account', accountRoutes(services));
  app.use('/api/account', accountCenterRoutes(services, rt));
  app.use('/api/operators', operatorRoutes(services, rt));
  app.use('/api/qualifications', qualificationRoutes(services));
  app.use('/api/permissions', permissionRoutes(services));
  app.use('/api/apps', appRoutes(services));
  app.use('/api/card-challenges', cardChallengeRoutes(services));
  app.use('/api/cards/mine', myCardRoutes(services));
  app.use('/api/review-uploads', reviewUploadRoutes(services, rt));
  app.use('/api/bank-ukey', bankUkeyRoutes(services, rt));
  app.get('/api/config', (req, res) => res.json({ cardAgentUrl: opts.cardAgentUrl, simulators: services.simulators && isLocalRequest(req) }));
  // Developer routes: development only (SIMULATORS), loopback clients only (api/devOnly.ts).
  app.use('/api/dev', devOnly(services.simulators));
  if (services.simulators) app.use('/api/dev', devRoutes(services));
  app.use('/api/admin', adminRoutes(services, rt, opts));
  app.use('/api', (_req, _res, next) => next(new ApiError(404, 'notFound')));

  if (opts.staticRoot) {
    app.use('/dev', devOnly(services.simulators)); // the portal's developer pages, same rule
    serveSpa(app, '/console', path.join(opts.staticRoot, 'admin-ui'));
    serveSpa(app, '/', path.join(opts.staticRoot, 'web-portal'));
  }
  app.use(errorHandler);
  return app;
}

/** A single-page app: its files, and index.html for every other path under its base. */
function serveSpa(app: express.Express, base: string, folder: string) {
  const index = path.join(folder, 'index.html');
  app.use(base, express.static(folder, { index: false, maxAge: '1h' }));
  app.get(base === '/' ? /.*/ : new RegExp(`^${base}(/.*)?$`), (_req, res, next) => {
    if (!fs.existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
