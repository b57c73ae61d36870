// build/installer.nsh, the Windows installer's addition: Cuttings is offered for .html and
// .htm under "Open with" and never made their default, and the uninstaller takes back exactly
// what the installer wrote. Compiled with Debian's makensis (.ci/run installs nsis) the way
// electron-builder's installer inserts the macros.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';

const INCLUDE = join(REPO_ROOT, 'build', 'installer.nsh');
const script = await readFile(INCLUDE, 'utf8');

/** The lines of one macro, comments left out. */
function macro(name: string): string[] {
  const body = new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`, 'u').exec(script)?.[1];
  if (body === undefined) throw new Error(`build/installer.nsh has no macro ${name}`);
  return body.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith(';'));
}

describe('build/installer.nsh', () => {
  it("adds Cuttings to .html and .htm's OpenWithProgids and never writes their default class", () => {
    const install = macro('customInstall');
    expect(install).toContain('WriteRegNone SHELL_CONTEXT "Software\\Classes\\.html\\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"');
    expect(install).toContain('WriteRegNone SHELL_CONTEXT "Software\\Classes\\.htm\\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"');
    // Nothing is written to the extensions' own keys but the OpenWithProgids value.
    const extensionWrites = install.filter((line) => /Software\\Classes\\\.html?\b/u.test(line));
    expect(extensionWrites.every((line) => line.includes('\\OpenWithProgids"'))).toBe(true);
    expect(install).toContain(`WriteRegStr SHELL_CONTEXT "Software\\Classes\\\${CUTTINGS_WEB_PAGE_CLASS}\\shell\\open\\command" "" '"$appExe" "%1"'`);
  });

  it('uninstalls exactly what it installed', () => {
    const uninstall = macro('customUnInstall');
    expect(uninstall).toContain('DeleteRegValue SHELL_CONTEXT "Software\\Classes\\.html\\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"');
    expect(uninstall).toContain('DeleteRegValue SHELL_CONTEXT "Software\\Classes\\.htm\\OpenWithProgids" "${CUTTINGS_WEB_PAGE_CLASS}"');
    expect(uninstall).toContain('DeleteRegKey SHELL_CONTEXT "Software\\Classes\\${CUTTINGS_WEB_PAGE_CLASS}"');
    // Never a whole extension key: that would take other programs' entries with it.
    expect(uninstall.some((line) => /DeleteRegKey .*\\\.html?"/u.test(line))).toBe(false);
  });

  it('compiles with makensis as electron-builder includes it', async (context) => {
    if (!existsSync('/usr/bin/makensis')) {
      console.log('nsis-installer.test.ts: makensis not installed (apt-get install nsis); the compile check did not run');
      context.skip();
    }
    const folder = await mkdtemp(join(tmpdir(), 'cuttings-nsis-'));
    try {
      // As electron-builder's installer.nsi: `Var appExe`, then the include, then the macros
      // inserted in the install and uninstall sections (installSection.nsh, uninstaller.nsh).
      await writeFile(
        join(folder, 'installer.nsi'),
        [
          'Unicode true',
          `OutFile "${join(folder, 'installer.exe')}"`,
          'RequestExecutionLevel user',
          'Var appExe',
          `!include "${INCLUDE}"`,
          'Section "install"',
          '  StrCpy $appExe "$INSTDIR\\Cuttings.exe"',
          '  !insertmacro customInstall',
          '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
          'SectionEnd',
          'Section "uninstall"',
          '  !insertmacro customUnInstall',
          'SectionEnd',
          '',
        ].join('\n'),
      );
      const { stdout } = await promisify(execFile)('/usr/bin/makensis', ['-V2', '-WX', join(folder, 'installer.nsi')]);
      expect(stdout).not.toMatch(/error/iu);
      expect(existsSync(join(folder, 'installer.exe'))).toBe(true);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
