// Applicants' images for manual review: the type is decided by the file's content (magic bytes),
// never by its name or the browser's word; the image is decoded and re-encoded with sharp under a
// pixel limit (which also drops any payload hidden after the image and its metadata), and stored
// under DATA_DIR/uploads with a random name. Only staff read them back (api/routes/admin/reviews.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { UPLOAD_EXTENSIONS } from '../domain/recoveryForms';
import { ApiError } from './http';

export const MAX_INPUT_PIXELS = 40_000_000; // e.g. 8000 × 5000: any scanner or phone photo
export const MAX_EDGE = 4000; // stored images are scaled down to this edge

export type ImageType = 'jpeg' | 'png' | 'bmp';

export function sniffImage(buf: Buffer): ImageType | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 26 && buf[0] === 0x42 && buf[1] === 0x4d) return 'bmp';
  return null;
}

/** BMP is not among sharp's input formats: uncompressed 24/32-bit BMPs are decoded here. */
function decodeBmp(buf: Buffer): { data: Buffer; width: number; height: number } {
  const bad = () => new ApiError(422, 'validation', { file: 'upload.unreadable' });
  if (buf.length < 54) throw bad();
  const offset = buf.readUInt32LE(10);
  const headerSize = buf.readUInt32LE(14);
  if (headerSize < 40) throw bad();
  const width = buf.readInt32LE(18);
  const rawHeight = buf.readInt32LE(22);
  const bpp = buf.readUInt16LE(28);
  const compression = buf.readUInt32LE(30);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height <= 0 || (bpp !== 24 && bpp !== 32) || (compression !== 0 && compression !== 3)) throw bad();
  if (width * height > MAX_INPUT_PIXELS) throw new ApiError(422, 'validation', { file: 'upload.tooManyPixels' });
  const bytesPer = bpp / 8;
  const stride = Math.ceil((width * bytesPer) / 4) * 4;
  if (offset + stride * height > buf.length) throw bad(); // truncated
  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = offset + stride * (rawHeight > 0 ? height - 1 - y : y);
    for (let x = 0; x < width; x++) {
      const p = row + x * bytesPer;
      const o = (y * width + x) * 3;
      out[o] = buf[p + 2];
      out[o + 1] = buf[p + 1];
      out[o + 2] = buf[p];
    }
  }
  return { data: out, width, height };
}

export interface StoredImage {
  storedName: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

/** Checks, re-encodes and stores one uploaded image; field-level errors on 'file'. */
export async function storeImage(dir: string, originalName: string, buf: Buffer): Promise<StoredImage> {
  const ext = path.extname(originalName || '').slice(1).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) throw new ApiError(422, 'validation', { file: 'upload.type' });
  const type = sniffImage(buf);
  if (!type) throw new ApiError(422, 'validation', { file: 'upload.type' });
  let image: sharp.Sharp;
  try {
    if (type === 'bmp') {
      const raw = decodeBmp(buf);
      image = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 }, limitInputPixels: MAX_INPUT_PIXELS });
    } else {
      const meta = await sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
      if (!meta.width || !meta.height) throw new ApiError(422, 'validation', { file: 'upload.unreadable' });
      image = sharp(buf, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' }).rotate();
    }
    image = image.resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
    const output = type === 'jpeg' ? image.jpeg({ quality: 88 }) : image.png({ compressionLevel: 8 });
    const { data, info } = await output.toBuffer({ resolveWithObject: true });
    const storedName = `${crypto.randomBytes(18).toString('base64url')}.${type === 'jpeg' ? 'jpg' : 'png'}`;
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    await fs.promises.writeFile(path.join(dir, storedName), data, { mode: 0o600, flag: 'wx' });
    return { storedName, mime: type === 'jpeg' ? 'image/jpeg' : 'image/png', width: info.width, height: info.height, bytes: data.length };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const message = err instanceof Error ? err.message : '';
    if (/pixel limit/i.test(message)) throw new ApiError(422, 'validation', { file: 'upload.tooManyPixels' });
    throw new ApiError(422, 'validation', { file: 'upload.unreadable' });
  }
}

/** The path of a stored image; the name is checked so it can never leave the folder. */
export function storedImagePath(dir: string, storedName: string): string {
  if (!/^[A-Za-z0-9_-]{24}\.(jpg|png)$/.test(storedName)) throw new ApiError(404, 'notFound');
  return path.join(dir, storedName);
}
