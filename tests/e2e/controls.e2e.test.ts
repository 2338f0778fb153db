import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { tempCorpus } from '../support/helpers.ts';

/** An OSC 8 hyperlink to a foreign site, a screen clear, a bell and a C1 CSI (which acts alone, without ESC). */
const OSC8 = '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\';
/** Every character a terminal acts on, but newline and tab; and the bidi overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters from corpus files', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempCorpus({
      // The title, outlet and body carry them (the YAML escapes \e and \a are ESC and BEL), and so does the name.
      'kerry\x1b[2J\x07\x9b.txt': [
        '---',
        'title: "Kerry \\e]8;;https://evil.example/\\e\\\\link\\e]8;;\\e\\\\ \\e[2J \\a \\x9b2J"',
        'outlet: "Wire \\a\\x9b31m"',
        '---',
        `Kerry met Putin in Moscow ${OSC8} to talk about Syria \x1b[2J and the bell \x07 rang \x9b31m red \u202eevil.`,
        '',
        'Lavrov said the talks went well.',
        '',
      ].join('\n'),
      // A file that is not loaded: its name is printed in a warning on stderr and in /sources' notes.
      'bad\x1b]8;;evil.example\x1b\\\x07\x9b.txt': Buffer.from([0, 1, 2]),
    });
  });

  it.each([
    ['/search kerry putin', 'Syria ␛[2J and the bell ␇ rang �31m red �evil'],
    ['/sources', 'note: not loaded: bad␛]8;;evil.example␛\\␇�.txt'],
  ])('%s at a terminal: none reaches stdout or stderr raw, each is shown', (line, shown) => {
    const r = runCli('ask', [line, '--corpus', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    // Shown as control pictures (ESC as ␛, BEL as ␇) and � for the C1 and bidi ones.
    expect(r.stdout).toContain('“Kerry ␛]8;;https[:]//evil.example/␛\\link');
    expect(r.stderr).toContain('warning: corpus file bad␛]8;;evil.example␛\\␇�.txt not loaded: binary file');
    expect(r.stdout).toContain(shown);
  });

  it.each(['/search kerry putin', '/sources'])('%s --json: escaped in the JSON text, the same strings once parsed', (line) => {
    const r = runCli('ask', [line, '--json', '--corpus', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\u009b');
    const answer = JSON.parse(r.stdout) as { results: Array<{ citations: Array<{ title: string; outlet: string }> }> };
    expect(answer.results[0]?.citations[0]?.title).toBe('Kerry \x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\ \x1b[2J \x07 \x9b2J');
    expect(answer.results[0]?.citations[0]?.outlet).toBe('Wire \x07\x9b31m');
  });
});
