import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, renderReadme } from '../scripts/readme.ts';

describe('README', () => {
  const text = readFileSync(README, 'utf8');

  it('shows the real output of every example (npm run docs rewrites them)', () => {
    expect(renderReadme(text)).toBe(text);
  });

  it('keeps the two-command quick start', () => {
    expect(text).toContain('npm ci && npm start');
    expect(text).toContain('npm ci && npm test');
  });
});
