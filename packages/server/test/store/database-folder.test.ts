/** The server runs in other teams' apps: the folder it makes for its data keeps itself out of their commits. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';

describe('the database folder', () => {
  let app: string;
  beforeEach(() => void (app = mkdtempSync(join(tmpdir(), 'portal-folder-'))));
  afterEach(() => rmSync(app, { recursive: true, force: true }));

  it('is created with a .gitignore that ignores everything in it', () => {
    openDatabase(join(app, '.customer-portal', 'portal.db')).close();
    expect(readFileSync(join(app, '.customer-portal', '.gitignore'), 'utf8').split('\n')).toContain('*');
  });

  it('is left as it is when it already exists: it is the user\u2019s folder, not ours', () => {
    mkdirSync(join(app, 'data'));
    openDatabase(join(app, 'data', 'portal.db')).close();
    expect(existsSync(join(app, 'data', '.gitignore'))).toBe(false);
  });
});
