// The user's own image for the Vision Transformer cell: checked (an image type, at most MAX_FILE_BYTES, a
// decodable picture), then centre-cropped to a square and downscaled in the browser to the model's 16×16,
// as RGB values in [0, 1]. checkImageFile is pure (tested in Node); readImageFile needs a browser.
import type { ImageData3 } from '../../../kernels/vit';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A message when the file cannot be used, null when it can be tried. */
export function checkImageFile(file: { name: string; type: string; size: number }): string | null {
  if (!file.type.startsWith('image/'))
    return `“${file.name}” is not an image (its type is ${file.type || 'unknown'}); choose a PNG, JPEG, GIF or WebP file.`;
  if (file.size > MAX_FILE_BYTES)
    return `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  return null;
}

/** Decodes and downscales `file` to size × size RGB; throws an Error with a message for the page. */
export async function readImageFile(file: File, size: number): Promise<ImageData3> {
  const problem = checkImageFile(file);
  if (problem) throw new Error(problem);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`“${file.name}” could not be decoded as an image.`);
  }
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
  bitmap.close();
  const rgba = ctx.getImageData(0, 0, size, size).data;
  const data = new Float32Array(size * size * 3);
  for (let p = 0; p < size * size; p++) for (let c = 0; c < 3; c++) data[p * 3 + c] = rgba[p * 4 + c]! / 255;
  return { data, height: size, width: size, channels: 3 };
}
