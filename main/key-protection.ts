/**
 * The desktop app's protection for the user's signing keys: Electron's safeStorage, which
 * encrypts with a key the OS keeps (the macOS Keychain, Windows DPAPI, the Secret Service or
 * KWallet on Linux). Where the OS offers none — on Linux without a keyring Electron falls back
 * to a fixed password (`basic_text`), which protects nothing — the keys are kept as the CLI
 * keeps them, in files only their owner may read (main/core/evidence/key-store.ts).
 * Electron-only, so it lives here beside index.ts; the core takes any KeyProtector.
 */
import { safeStorage } from 'electron';
import type { KeyProtector } from './core/evidence/key-store';

/** The OS keychain's protector, or null where the OS offers none worth the name. Call it once the app is ready. */
export async function osKeychainProtector(): Promise<KeyProtector | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    scheme: 'electron-safe-storage',
    protect: async (secret) => safeStorage.encryptStringAsync(secret.toString('base64')),
    unprotect: async (stored) => Buffer.from((await safeStorage.decryptStringAsync(stored)).result, 'base64'),
  };
}
