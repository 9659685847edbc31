// Where the WorkSpaces client (current versions) keeps its logs, per the AWS troubleshooting guide
// (research/domain.md §6.1). Legacy 1.0/2.0 client folders are not searched.
import { existsSync, statSync } from 'node:fs';
import { join, win32 } from 'node:path';

export interface ClientLogFolder {
  os: 'windows' | 'macos' | 'linux';
  path: string;
}

/** The three documented folders for this environment; Windows only when LOCALAPPDATA is set. */
export function clientLogFolders(env: NodeJS.ProcessEnv, home: string): ClientLogFolder[] {
  const folders: ClientLogFolder[] = [];
  const local = env['LOCALAPPDATA'];
  if (local) {
    folders.push({ os: 'windows', path: win32.join(local, 'Amazon Web Services', 'Amazon WorkSpaces', 'logs') });
  }
  folders.push({
    os: 'macos',
    path: join(home, 'Library', 'Application Support', 'Amazon Web Services', 'Amazon WorkSpaces', 'logs'),
  });
  folders.push({
    os: 'linux',
    path: join(home, '.local', 'share', 'Amazon Web Services', 'Amazon WorkSpaces', 'logs'),
  });
  return folders;
}

/** The folders of `clientLogFolders` that exist here. */
export function existingClientLogFolders(env: NodeJS.ProcessEnv, home: string): ClientLogFolder[] {
  return clientLogFolders(env, home).filter((f) => {
    try {
      return existsSync(f.path) && statSync(f.path).isDirectory();
    } catch {
      return false;
    }
  });
}
