import { describe, expect, it } from 'vitest';
import { addressAllowed, classifyAddress } from '#domain/engagement/endpoints.ts';

/** The host a URL parser hands the address check: decimal, octal and hex IPv4 arrive as dotted quads. */
const hostOf = (url: string) => new URL(url).hostname.replace(/^\[|\]$/g, '');

describe('webhook endpoint addresses', () => {
  it.each([
    ['https://169.254.169.254/latest/meta-data/', 'internal'],
    ['https://10.0.0.1/', 'internal'],
    ['https://172.31.255.255/', 'internal'],
    ['https://192.168.1.10/', 'internal'],
    ['https://100.64.0.1/', 'internal'],
    ['https://100.100.100.200/', 'internal'],
    ['https://0.0.0.0/', 'internal'],
    ['https://168.63.129.16/', 'internal'],
    ['https://224.0.0.1/', 'internal'],
    ['https://255.255.255.255/', 'internal'],
    ['https://127.0.0.1/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://2852039166/', 'internal'], // 169.254.169.254 in decimal
    ['https://0xa9fea9fe/', 'internal'], // in hex
    ['https://0251.0376.0251.0376/', 'internal'], // in octal
    ['https://0x7f.1/', 'loopback'],
    ['https://[::1]/', 'loopback'],
    ['https://[::]/', 'internal'],
    ['https://[::ffff:a9fe:a9fe]/', 'internal'], // IPv4-mapped metadata
    ['https://[::ffff:169.254.169.254]/', 'internal'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://[::a9fe:a9fe]/', 'internal'], // IPv4-compatible
    ['https://[::ffff:0:a00:1]/', 'internal'], // SIIT 10.0.0.1
    ['https://[64:ff9b::a9fe:a9fe]/', 'internal'], // NAT64
    ['https://[2002:a9fe:a9fe::1]/', 'internal'], // 6to4
    ['https://[fd00:ec2::254]/', 'internal'], // AWS's IPv6 metadata
    ['https://[fe80::1]/', 'internal'],
    ['https://[fec0::1]/', 'internal'],
    ['https://[ff02::1]/', 'internal'],
    ['https://[2001:db8::1]/', 'internal'],
    ['https://[2001::1]/', 'internal'], // Teredo
    ['https://93.184.216.34/', 'public'],
    ['https://[2606:2800:220:1:248:1893:25c8:1946]/', 'public'],
    ['https://[::ffff:93.184.216.34]/', 'public'],
  ])('classifies %s as %s', (url, expected) => {
    expect(classifyAddress(hostOf(url))).toBe(expected);
  });

  it('is not an address for a name, and allows loopback only when asked', () => {
    expect(classifyAddress('partner.example.org')).toBeNull();
    expect(addressAllowed('127.0.0.1', false)).toBe(false);
    expect(addressAllowed('127.0.0.1', true)).toBe(true);
    expect(addressAllowed('10.0.0.1', true)).toBe(false);
    expect(addressAllowed('fe80::1%eth0', true)).toBe(false);
    expect(addressAllowed('93.184.216.34', false)).toBe(true);
  });
});
