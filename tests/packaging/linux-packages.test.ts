// What the Linux packages need of package.json and electron-builder.yml, checked by
// electron-builder's own code (app-builder-lib 26) rather than by a list of our own:
//
//   deb, rpm   FpmTarget.computeFpmMetaInfoOptions (out/targets/FpmTarget.js) refuses to build
//              without a project URL (AppInfo.computePackageUrl: package.json `homepage`, else a
//              GitHub repository) and without an author email (`author.email`, the maintainer).
//   AppImage,  LinuxTargetHelper.computeDesktopEntry writes the desktop entry both share:
//   deb, rpm   Name from `productName`, StartupWMClass from `desktopName` (the app id Electron
//              gives the window), MimeType= from linux.mimeTypes and the associations' mimeType;
//              computeMimeTypeFiles installs a shared-mime-info package for each association
//              that names a mimeType.
//
// The methods are called on a packager made of just the fields they read, so no package is
// built (that needs a network); each check is also shown failing on a package.json without
// the field, so the test cannot pass by accident.
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../paths';

const config = parse(await readFile(join(REPO_ROOT, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

const require = createRequire(import.meta.url);
type Metadata = Record<string, unknown>;
interface Packager {
  fileAssociations: { ext: string | string[]; mimeType?: string }[];
}
const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget') as { default: { prototype: { computeFpmMetaInfoOptions(this: unknown): Promise<Record<string, string>> } } }).default;
const { AppInfo } = require('app-builder-lib/out/appInfo') as { AppInfo: new (info: unknown, buildVersion: null, options: unknown) => unknown };
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
  LinuxTargetHelper: new (packager: Packager) => {
    computeDesktopEntry(options: unknown, exec?: string): Promise<string>;
    computeMimeTypeFiles(): Promise<string | null>;
    getDesktopFileName(): string;
  };
};
const { PlatformPackager } = require('app-builder-lib/out/platformPackager') as { PlatformPackager: { prototype: object } };

const temp = await mkdtemp(join(tmpdir(), 'cuttings-packaging-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

/** The Linux packager as far as the target code reads it, over a package.json. */
function linuxPackager(metadata: Metadata): Packager {
  const info = { metadata, devMetadata: metadata, config, repositoryInfo: Promise.resolve(null) };
  let files = 0;
  const packager = {
    info,
    config,
    appInfo: new AppInfo(info, null, config.linux),
    platformSpecificBuildOptions: config.linux,
    executableName: config.linux.executableName,
    getTempFile: async (suffix: string) => join(temp, `${files++}${suffix}`),
  };
  // The associations as electron-builder merges them (the top level's, then the platform's).
  const merged = Object.getOwnPropertyDescriptor(PlatformPackager.prototype, 'fileAssociations')!;
  Object.defineProperty(packager, 'fileAssociations', merged);
  return packager as unknown as Packager;
}

/** What the deb and rpm targets put in the package's control fields, or their error. */
function fpmMetaInfo(metadata: Metadata): Promise<Record<string, string>> {
  return FpmTarget.prototype.computeFpmMetaInfoOptions.call({ packager: linuxPackager(metadata), options: config.linux });
}

/** package.json without some of its fields. */
function without(...fields: string[]): Metadata {
  return Object.fromEntries(Object.entries(packageJson).filter(([field]) => !fields.includes(field)));
}

describe('package.json for the .deb and .rpm (FpmTarget)', () => {
  it("gives the packages a maintainer, a vendor and a home page from author and homepage", async () => {
    const author = packageJson.author as { name: string; email: string };
    expect(author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/u);
    await expect(fpmMetaInfo(packageJson)).resolves.toEqual({
      name: 'cuttings',
      maintainer: `${author.name} <${author.email}>`,
      vendor: `${author.name} <${author.email}>`,
      url: packageJson.homepage,
    });
  });

  it('would refuse to build without a homepage or without an author email', async () => {
    await expect(fpmMetaInfo(without('homepage'))).rejects.toThrow(/specify project homepage/u);
    await expect(fpmMetaInfo({ ...packageJson, author: { name: 'The Cuttings authors' } })).rejects.toThrow(/specify author 'email'/u);
    await expect(fpmMetaInfo(without('author'))).rejects.toThrow(/specify author 'email'/u);
  });
});

describe('the desktop entry of the AppImage, .deb and .rpm (LinuxTargetHelper)', () => {
  it('is named Cuttings, matches the window to it by desktopName, and offers Cuttings for web pages and archives', async () => {
    const helper = new LinuxTargetHelper(linuxPackager(packageJson));
    const entry = await helper.computeDesktopEntry(config.linux);
    expect(entry).toContain('\nName=Cuttings\n');
    // Electron takes the window's app id from desktopName; the entry must be named and classed the same.
    expect(packageJson.desktopName).toBe('cuttings.desktop');
    expect(entry).toContain('\nStartupWMClass=cuttings\n');
    expect(helper.getDesktopFileName()).toBe('cuttings');
    // %U: files may arrive as file:// URLs (main/policies/launch-arguments.ts converts them).
    expect(entry).toMatch(/\nExec=\/opt\/Cuttings\/cuttings %U\n/u);
    expect(entry).toContain('\nMimeType=text/html;application/x-cuttings-archive;x-scheme-handler/cuttings;\n');
  });

  it('would class the window "Cuttings" without desktopName, which is not the app id of the entry "cuttings"', async () => {
    const entry = await new LinuxTargetHelper(linuxPackager(without('desktopName'))).computeDesktopEntry(config.linux);
    expect(entry).toContain('\nStartupWMClass=Cuttings\n');
  });

  it('installs a MIME type for .cuttings only, never redefining text/html for the whole system', async () => {
    const file = await new LinuxTargetHelper(linuxPackager(packageJson)).computeMimeTypeFiles();
    const mime = await readFile(file!, 'utf8');
    expect([...mime.matchAll(/<mime-type type="([^"]+)">/gu)].map((match) => match[1])).toEqual(['application/x-cuttings-archive']);
    expect(mime).toContain('<glob pattern="*.cuttings"/>');
  });
});
