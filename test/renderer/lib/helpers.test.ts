import { formatBytes, formatMs, statusClass } from '../../../renderer/lib/format';
import { cookiesFromHeaders, parseSetCookie } from '../../../renderer/lib/set-cookie';
import { templateSegments } from '../../../renderer/lib/template-segments';

describe('format helpers', () => {
  it('formats bytes and milliseconds', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50.0 MB');
    expect(formatMs(0.421)).toBe('0.42 ms');
    expect(formatMs(12.4)).toBe('12 ms');
    expect(formatMs(1250)).toBe('1.25 s');
  });

  it('classifies statuses', () => {
    expect([101, 204, 302, 404, 503, 0].map(statusClass)).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx', 'none']);
  });
});

describe('Set-Cookie parsing', () => {
  it('splits name, value and attributes case-insensitively', () => {
    expect(parseSetCookie('sid=abc=def; Path=/; domain=example.com; HttpOnly; Secure; SameSite=Lax; Max-Age=60')).toEqual({
      name: 'sid',
      value: 'abc=def',
      domain: 'example.com',
      path: '/',
      expires: '',
      maxAge: '60',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
    });
  });

  it('collects only set-cookie headers', () => {
    const cookies = cookiesFromHeaders([
      ['content-type', 'text/plain'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT'],
    ]);
    expect(cookies.map((c) => [c.name, c.value, c.expires])).toEqual([
      ['a', '1', ''],
      ['b', '2', 'Wed, 21 Oct 2037 07:28:00 GMT'],
    ]);
  });
});

describe('template segments', () => {
  it('splits text around {{variables}}', () => {
    expect(templateSegments('{{base}}/users/{{ id }}?x=1')).toEqual([{ text: '{{base}}', variable: 'base' }, { text: '/users/' }, { text: '{{ id }}', variable: 'id' }, { text: '?x=1' }]);
    expect(templateSegments('no vars')).toEqual([{ text: 'no vars' }]);
  });
});
