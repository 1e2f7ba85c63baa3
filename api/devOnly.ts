// The developer surface (/api/dev, the simulated banks' and e-license app's pages, the /dev pages)
// answers only a browser or script on this machine: the TCP peer must be a loopback address, read
// from the socket, never from X-Forwarded-For. A request that came through a proxy (it carries a
// forwarding header) is refused too: a reverse proxy on this host would otherwise make every
// outside client look local. Everyone else gets the API's plain 404, as if the route did not exist.
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './http';

/** 127.0.0.0/8, ::1, and IPv4 loopback written as IPv6 (::ffff:127.x.x.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  const a = String(address ?? '').toLowerCase().replace(/^::ffff:/, '');
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export function isLocalRequest(req: Request): boolean {
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
  return !forwarded && isLoopbackAddress(req.socket.remoteAddress);
}

/** Middleware: the developer routes exist only while simulators are on and for local clients. */
export function devOnly(simulators: boolean) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!simulators || !isLocalRequest(req)) return next(new ApiError(404, 'notFound'));
    next();
  };
}
