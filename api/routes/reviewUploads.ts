// /api/review-uploads: an applicant's images for a manual review (P3, U3). Only the browser that
// owns the flow, and only while the flow is at its review step; multipart field "file" and a
// "kind" (idFront, idBack, license, other). The answer is the upload's id for submitReview.
import crypto from 'node:crypto';
import { Router } from 'express';
import multer from 'multer';
import type { Services } from '../../activities/services';
import { UPLOAD_KINDS, UPLOAD_MAX_BYTES } from '../../domain/recoveryForms';
import { FlowRuntime, readFlow } from '../flows';
import { ApiError } from '../http';
import { browserOwner } from '../sessions';
import { storeImage } from '../uploads';

const FLOW_ID = /^(passwordRecovery|usernameRecovery)-[A-Za-z0-9_-]{22}$/;
const MAX_UPLOADS_PER_FLOW = 20;

export function reviewUploadRoutes(services: Services, rt: FlowRuntime): Router {
  const router = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, parts: 8 } });
  const single = upload.single('file');

  router.post('/', (req, res, next) => {
    single(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        return next(err.code === 'LIMIT_FILE_SIZE' ? new ApiError(413, 'validation', { file: 'upload.tooLarge' }) : new ApiError(400, 'badRequest'));
      }
      if (err) return next(err);
      next();
    });
  }, async (req, res) => {
    const flowId = String(req.body?.flowId ?? '');
    const kind = String(req.body?.kind ?? 'other');
    if (!FLOW_ID.test(flowId)) throw new ApiError(404, 'flow.notFound');
    if (!(UPLOAD_KINDS as readonly string[]).includes(kind)) throw new ApiError(422, 'validation', { kind: 'upload.kind' });
    const owner = browserOwner(services, req, res);
    const view = await readFlow(rt, flowId, owner);
    if (view.status !== 'active' || view.step !== 'review') throw new ApiError(409, 'flow.wrongStep');
    if (!req.file) throw new ApiError(422, 'validation', { file: 'required' });
    const { ReviewUpload } = services.db.models;
    if ((await ReviewUpload.count({ where: { flowId } })) >= MAX_UPLOADS_PER_FLOW) throw new ApiError(429, 'upload.tooMany');
    const stored = await storeImage(services.uploadDir, req.file.originalname, req.file.buffer);
    const row = await ReviewUpload.create({ id: crypto.randomBytes(18).toString('base64url'), flowId, owner, kind, ...stored });
    res.status(201).json({ uploadId: row.id, kind, width: row.width, height: row.height, bytes: row.bytes });
  });

  return router;
}
