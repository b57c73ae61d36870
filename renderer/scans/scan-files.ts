/**
 * Which files are scans, by name: photos and scanned pages (.jpg, .jpeg, .png, .tif, .tiff,
 * .webp). Main reads each file's bytes to tell what it really is; this only decides which
 * files go to recognition (the scan queue) rather than to the clipper.
 */

/** The image files the add dialog and a drop take as scans. */
export const SCAN_FILE_TYPES = '.jpg,.jpeg,.png,.tif,.tiff,.webp';

/** Whether a file's name says it is an image to recognise. */
export function isScanFile(name: string): boolean {
  return /\.(jpe?g|png|tiff?|webp)$/iu.test(name);
}
