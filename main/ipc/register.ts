/**
 * Binds the handler table to ipcMain: one `ipcMain.handle` per channel, each first checking
 * that the message came from the app's own top frame. Channels not in the table have no
 * handler, so Electron rejects them.
 */
import { ipcMain } from 'electron';
import { fail } from '../../common/result';
import type { HandlerTable } from './handler-table';
import { isTrustedSender } from './sender-check';

/** Registers every handler; returns a function that removes them again. */
export function registerHandlers(table: HandlerTable): () => void {
  for (const [channel, handler] of table) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const frame = event.senderFrame;
      if (!isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null)) {
        return fail('forbidden', `ipc: ${channel} refused a message from ${frame?.url ?? 'an unknown frame'}`);
      }
      return handler(args);
    });
  }
  return () => {
    for (const channel of table.keys()) ipcMain.removeHandler(channel);
  };
}
