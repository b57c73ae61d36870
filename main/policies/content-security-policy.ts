import { ASSET_PROTOCOL } from '../../common/schemes';

/**
 * The Content-Security-Policy of the app's window, sent with every page the app protocol
 * serves (and by the test harness, so that UI tests run under the same policy). No
 * 'unsafe-inline', no 'unsafe-eval'. The reader iframe adds its own, stricter policy.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' ${ASSET_PROTOCOL} data:`,
  "font-src 'self'",
  "frame-src 'self' about:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
