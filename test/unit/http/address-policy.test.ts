import { describe, expect, it } from 'vitest';
import { allowAnyAddress, judgeAddress } from '../../../lambda/adapters/http/address-policy';
import { refuseLiteralHost } from '../../../lambda/adapters/http/guarded-lookup';

describe('judgeAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.170.2', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
  ])('refuses IPv4 %s as %s', (address, category) => {
    expect(judgeAddress(address)).toEqual({ allowed: false, category });
  });

  it.each([
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['fd00:ec2:0:0:0:0:0:254', 'cloud metadata'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'private'],
    // IPv4-mapped, IPv4-compatible, SIIT, NAT64 and 6to4 forms are judged on the IPv4 address they carry.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'cloud metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::7f00:1', 'loopback'],
    ['::ffff:0:c0a8:101', 'private'],
    ['64:ff9b::a9fe:a9fe', 'cloud metadata'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a9fe:a9fe::', 'cloud metadata'],
    ['2001:db8::1', 'non-public'],
    ['2001::1', 'non-public'],
  ])('refuses IPv6 %s as %s', (address, category) => {
    expect(judgeAddress(address)).toEqual({ allowed: false, category });
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows public %s', (address) => {
    expect(judgeAddress(address)).toEqual({ allowed: true });
  });

  it('refuses what is not an IP address at all', () => {
    expect(judgeAddress('example.com')).toEqual({ allowed: false, category: 'invalid' });
  });

  it('lets everything through when private networks are allowed', () => {
    expect(allowAnyAddress('127.0.0.1')).toEqual({ allowed: true });
  });
});

describe('refuseLiteralHost', () => {
  // Each URL disguises a forbidden address; WHATWG URL parsing normalises the host before the policy sees it.
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0177.0.0.01/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://%31%32%37.0.0.1/', '127.0.0.1'],
    ['http://\uff11\uff12\uff17.0.0.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://169.254.169.254./', '169.254.169.254'],
    ['http://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254'],
    ['http://[::ffff:a9fe:a9fe]/', '::ffff:a9fe:a9fe'],
    ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254'],
    ['http://[::1]/', '::1'],
    ['http://[::127.0.0.1]/', '::7f00:1'],
    ['http://[64:ff9b::169.254.169.254]/', '64:ff9b::a9fe:a9fe'],
  ])('refuses %s as %s', (url, address) => {
    const refusal = refuseLiteralHost(new URL(url).hostname, judgeAddress, 'initial');
    expect(refusal?.message).toMatch(new RegExp(`address ${address.replace(/\./g, '\\.')} refused$`));
  });

  it('names the redirect in the reason when a redirect hop is refused', () => {
    expect(refuseLiteralHost('10.0.0.1', judgeAddress, 'redirect')?.message).toBe(
      'redirect to a private address 10.0.0.1 refused',
    );
  });

  it('leaves host names to the connect-time lookup', () => {
    expect(refuseLiteralHost('localhost', judgeAddress, 'initial')).toBeUndefined();
  });

  it('passes a public literal', () => {
    expect(refuseLiteralHost('[2606:4700:4700::1111]', judgeAddress, 'initial')).toBeUndefined();
  });
});
