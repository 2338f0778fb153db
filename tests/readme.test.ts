import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, renderReadme } from '../scripts/readme.ts';
import { PICTURE, seedTimelinePicture } from '../scripts/timelinePicture.ts';

describe('README', () => {
  const text = readFileSync(README, 'utf8');

  it('shows the real output of every example (npm run docs rewrites them)', () => {
    expect(renderReadme(text)).toBe(text);
  });

  it("shows the seeds' timeline picture as the code draws it (npm run docs redraws it)", async () => {
    expect(text).toContain('](docs/timeline.png)');
    expect((await seedTimelinePicture()).equals(readFileSync(PICTURE))).toBe(true);
  });

  it('keeps the two-command quick start', () => {
    expect(text).toContain('npm ci && npm start');
    expect(text).toContain('npm ci && npm test');
  });
});
