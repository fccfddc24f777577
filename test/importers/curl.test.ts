import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCurl } from '../../electron/importers/curl';
import { shellQuote, shellWords } from '../../electron/importers/shell-words';
import { toCurl } from '../../electron/exporters/curl';
import { newRequestSpec } from '../../shared/model/request';
import type { RequestSpec } from '../../shared/model/request';
import { fixture } from './helpers';

const req = (line: string) => parseCurl(line).request;

describe('cURL import', () => {
  it('splits words like a POSIX shell', () => {
    expect(shellWords(`curl 'a b' "c \\"d\\" \\$e" f\\ g $'h\\ni\\'j' \\\n  k # comment\n`)).toEqual(['curl', 'a b', 'c "d" $e', 'f g', "h\ni'j", 'k']);
    expect(shellWords('curl ^\n  -k ^\n  https://x')).toEqual(['curl', '-k', 'https://x']);
    expect(() => shellWords("curl 'open")).toThrow(/unterminated/);
  });

  it('a Chrome "copy as cURL" line', () => {
    const { request, unmapped } = parseCurl(fixture('curl-chrome.sh'));
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.example.com/v1/orders?page=2');
    expect(request.body).toEqual({ mode: 'json', text: '{"note":"it\'s here","items":[1,2]}' });
    expect(request.headers.map((h) => h.name)).toEqual(['accept', 'accept-language', 'authorization', 'cookie', 'Accept-Encoding']);
    expect(request.headers.find((h) => h.name === 'cookie')?.value).toBe("sid=abc; theme=dark's");
    expect(request.options.followRedirects).toBe(false);
    expect(unmapped).toEqual([]);
  });

  it('methods, headers, JSON / form / raw bodies', () => {
    expect(req('curl https://x.test/y')).toMatchObject({ method: 'GET', url: 'https://x.test/y', body: { mode: 'none' }, name: 'GET /y' });
    expect(req(`curl -X put -H 'A: b' -H 'Empty;' -H 'Removed:' -d '{"a":1}' https://x.test`)).toMatchObject({ method: 'PUT', headers: [{ name: 'A', value: 'b' }, { name: 'Empty', value: '' }], body: { mode: 'json', text: '{"a":1}' } });
    expect(req("curl -d 'a=1&b=two%20words+x' https://x.test")).toMatchObject({ method: 'POST', body: { mode: 'form', fields: [{ name: 'a', value: '1' }, { name: 'b', value: 'two words x' }] } });
    expect(req("curl --data-raw '@not-a-file' -H 'Content-Type: text/plain' https://x.test").body).toEqual({ mode: 'text', text: '@not-a-file', contentType: 'text/plain' });
    expect(req("curl --data-binary @payload.bin -H 'Content-Type: application/octet-stream' https://x.test").body).toEqual({ mode: 'binary', path: 'payload.bin', contentType: 'application/octet-stream' });
    expect(req("curl -H 'Content-Type: application/xml' -d '<a/>' https://x.test").body).toEqual({ mode: 'xml', text: '<a/>' });
    expect(req("curl --json '{\"k\":true}' https://x.test")).toMatchObject({ method: 'POST', body: { mode: 'json', text: '{"k":true}' }, headers: [] });
    expect(req('curl -I https://x.test').method).toBe('HEAD');
    expect(req('curl -T up.txt https://x.test')).toMatchObject({ method: 'PUT', body: { mode: 'binary', path: 'up.txt' } });
  });

  it('-G moves data to the query; --data-urlencode encodes', () => {
    expect(req("curl -G --data-urlencode 'q=a b&c' -d page=2 https://x.test/search")).toMatchObject({ method: 'GET', url: 'https://x.test/search?q=a%20b%26c&page=2', body: { mode: 'none' } });
  });

  it('multipart fields, auth, TLS, redirects, compression and transport options', () => {
    const r = req(`curl -sSLk -u 'me:pa:ss' --compressed -F 'photo=@/tmp/a.png;type=image/png;filename=me.png' -F 'note=hi' --form-string 'raw=@literal' -m 5 --connect-timeout 2.5 -x http://proxy:3128 --http2 --max-redirs 3 --cacert ca.pem -E client.pem --key client.key "https://x.test/up"`);
    expect(r.auth).toEqual({ type: 'basic', username: 'me', password: 'pa:ss' });
    expect(r.body).toEqual({
      mode: 'multipart',
      fields: [
        { kind: 'file', name: 'photo', path: '/tmp/a.png', enabled: true, contentType: 'image/png', fileName: 'me.png' },
        { kind: 'text', name: 'note', value: 'hi', enabled: true },
        { kind: 'text', name: 'raw', value: '@literal', enabled: true },
      ],
    });
    expect(r.options).toMatchObject({ verifyTls: false, followRedirects: true, maxRedirects: 3, http2: true, proxyUrl: 'http://proxy:3128', caFile: 'ca.pem', clientCertFile: 'client.pem', clientKeyFile: 'client.key', timeouts: { total: 5000, connect: 2500 } });
    expect(r.headers).toEqual([{ name: 'Accept-Encoding', value: 'gzip, deflate, br', enabled: true }]);
    expect(req('curl --digest -u a:b https://x.test').auth).toEqual({ type: 'digest', username: 'a', password: 'b' });
    expect(req('curl --oauth2-bearer tok https://x.test').auth).toEqual({ type: 'bearer', token: 'tok' });
  });

  it('clustered short flags, attached values, --url, scheme-less URLs; unknown flags reported', () => {
    const { request, unmapped } = parseCurl("curl -XPOST -HAccept:text/html --retry 3 -o out.txt -b cookies.txt --url x.test/a -d -x");
    expect(request).toMatchObject({ method: 'POST', url: 'http://x.test/a', headers: [{ name: 'Accept', value: 'text/html' }], body: { mode: 'text', text: '-x' } });
    expect(unmapped).toEqual([
      { where: 'curl', what: 'cookie file not imported: cookies.txt' },
      { where: 'curl', what: 'option --retry 3 not supported' },
    ]);
  });

  it('refuses what is not a curl command with a reason', () => {
    expect(() => parseCurl('wget https://x')).toThrow(/not a curl command/);
    expect(() => parseCurl('curl -H')).toThrow(/needs a value/);
    expect(() => parseCurl('curl -k')).toThrow(/no URL/);
  });
});

describe('cURL export', () => {
  const specs: RequestSpec[] = [
    newRequestSpec({ url: 'https://x.test/a?b=1', params: [{ name: 'q', value: "it's {{v}}", enabled: true }, { name: 'off', value: '1', enabled: false }] }),
    newRequestSpec({ method: 'POST', url: 'https://x.test/json', headers: [{ name: 'X-Quote', value: `a'b"c $HOME \`x\``, enabled: true }], body: { mode: 'json', text: '{\n  "a": "it\'s"\n}' } }),
    newRequestSpec({ method: 'PATCH', url: 'https://x.test/form', body: { mode: 'form', fields: [{ name: 'a b', value: 'c&d=e', enabled: true }] }, auth: { type: 'basic', username: 'u', password: 'p:w' } }),
    newRequestSpec({ method: 'POST', url: 'https://x.test/mp', body: { mode: 'multipart', fields: [{ kind: 'text', name: 't', value: 'v', enabled: true }, { kind: 'file', name: 'f', path: '/tmp/a b.png', enabled: true, contentType: 'image/png' }] } }),
    newRequestSpec({ method: 'PUT', url: 'https://x.test/bin', body: { mode: 'binary', path: 'data.bin', contentType: 'application/octet-stream' }, options: { ...newRequestSpec({ url: '' }).options, verifyTls: false, followRedirects: false, http2: true, timeouts: { connect: 2000, headers: 30_000, bodyIdle: 30_000, total: 5000 } } }),
    newRequestSpec({ method: 'DELETE', url: 'https://x.test/d', auth: { type: 'digest', username: 'd', password: 'p' } }),
  ];

  it('round-trips through the importer', () => {
    for (const spec of specs) {
      const back = req(toCurl(spec));
      const merged = { ...spec, url: spec.params.some((p) => p.enabled) ? back.url : spec.url, params: back.params };
      expect({ method: back.method, url: back.url, headers: back.headers, body: back.body, auth: back.auth, options: back.options }).toEqual({ method: merged.method, url: merged.url, headers: merged.headers, body: merged.body, auth: merged.auth, options: merged.options });
    }
    expect(toCurl(specs[0] as RequestSpec, false)).toBe("curl 'https://x.test/a?b=1&q=it'\\''s%20{{v}}' -L");
    const bearer = toCurl(newRequestSpec({ url: 'https://x.test', auth: { type: 'bearer', token: 'T' } }));
    expect(req(bearer).headers).toEqual([{ name: 'Authorization', value: 'Bearer T', enabled: true }]);
    const apikey = toCurl(newRequestSpec({ url: 'https://x.test', auth: { type: 'apikey', key: 'k', value: 'v', in: 'query' } }), false);
    expect(apikey).toBe("curl 'https://x.test?k=v' -L");
  });

  it('quotes so that a real POSIX shell sees exactly the original words', () => {
    const tricky = ["it's", '"double"', '$HOME', '`id`', 'a\\b', 'new\nline', '', 'semi;colon', '*glob?', '!bang'];
    const quoted = tricky.map(shellQuote).join(' ');
    const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${quoted}`]).toString('utf8');
    expect(out.split('\0').slice(0, -1)).toEqual(tricky);
    const cmd = toCurl(specs[1] as RequestSpec).replace(/^curl /, "printf '%s\\0' ");
    const words = execFileSync('/bin/sh', ['-c', cmd]).toString('utf8').split('\0').slice(0, -1);
    expect(words).toEqual(['https://x.test/json', '-H', `X-Quote: a'b"c $HOME \`x\``, '-H', 'Content-Type: application/json', '--data-raw', '{\n  "a": "it\'s"\n}', '-L']);
  });
});
