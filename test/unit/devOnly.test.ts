// Which peers count as "this machine" for the developer routes (api/devOnly.ts).
import { expect } from 'chai';
import { isLoopbackAddress } from '../../api/devOnly';

describe('developer routes: loopback peers', () => {
  it('accepts IPv4 and IPv6 loopback, also IPv4 written as IPv6', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).to.equal(true);
  });

  it('refuses every other address, and a missing one', () => {
    for (const a of ['192.0.2.2', '10.0.0.1', '::ffff:192.0.2.2', 'fd00::2', '0.0.0.0', '::', '127.0.0.1.evil', '1127.0.0.1', '', undefined]) {
      expect(isLoopbackAddress(a), String(a)).to.equal(false);
    }
  });
});
