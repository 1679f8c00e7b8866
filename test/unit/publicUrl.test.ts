import { describe, expect, it } from 'vitest';
import { fixedPublicUrl, parameterPublicUrl } from '#lib/publicUrl.ts';

/** A parameter whose value the test changes, counting reads; `fail` makes the next reads throw. */
function parameter(initial: string | undefined) {
  const state = { value: initial, reads: 0, fail: false };
  const read = async () => {
    state.reads++;
    if (state.fail) throw new Error('ThrottlingException');
    return state.value;
  };
  return { state, read };
}

describe('the console’s address for e-mail action links (ADR 0074)', () => {
  it('answers a configured address, and null when none is', async () => {
    expect(await fixedPublicUrl('https://kindling.example')()).toBe('https://kindling.example');
    expect(await fixedPublicUrl('')()).toBeNull();
    expect(await fixedPublicUrl(undefined)()).toBeNull();
  });

  it('reads the parameter once for many sends, and again once its answer is five minutes old', async () => {
    // Prepare
    let now = 0;
    const p = parameter('https://d111.cloudfront.net');
    const publicUrl = parameterPublicUrl(p.read, { now: () => now });

    // Act
    const first = await Promise.all([publicUrl(), publicUrl(), publicUrl()]);
    now += 4 * 60_000;
    const cached = await publicUrl();
    p.state.value = 'https://kindling.example';
    now += 60_000;
    const later = await publicUrl();

    // Assert
    expect(first).toEqual(Array(3).fill('https://d111.cloudfront.net'));
    expect(cached).toBe('https://d111.cloudfront.net');
    expect(later).toBe('https://kindling.example');
    expect(p.state.reads).toBe(2);
  });

  it('answers null while the console stack is not deployed, and its address once it is', async () => {
    // Prepare
    let now = 0;
    const warnings: string[] = [];
    const p = parameter(undefined);
    const publicUrl = parameterPublicUrl(p.read, { now: () => now, warn: (message) => warnings.push(message) });

    // Act
    const before = await publicUrl();
    p.state.value = 'https://d111.cloudfront.net';
    now += 5 * 60_000;
    const after = await publicUrl();

    // Assert
    expect(before).toBeNull();
    expect(after).toBe('https://d111.cloudfront.net');
    expect(warnings).toEqual(['public URL parameter absent or empty: e-mails carry no action links']);
  });

  it('keeps the last known address through a failed read, and reads again at the next send', async () => {
    // Prepare
    let now = 0;
    const p = parameter('https://d111.cloudfront.net');
    const warnings: string[] = [];
    const publicUrl = parameterPublicUrl(p.read, { now: () => now, warn: (message) => warnings.push(message) });
    await publicUrl();
    now += 5 * 60_000;
    p.state.fail = true;

    // Act
    const during = await publicUrl();
    p.state.fail = false;
    const next = await publicUrl();

    // Assert
    expect(during).toBe('https://d111.cloudfront.net');
    expect(next).toBe('https://d111.cloudfront.net');
    expect(p.state.reads).toBe(3);
    expect(warnings).toEqual(['public URL parameter unreadable: using the last known address']);
  });
});
