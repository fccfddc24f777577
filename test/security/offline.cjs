// Loaded with `node --require` before Electronegativity: its translation and Electron-release
// downloads (via `got`) fail at once instead of waiting on network timeouts and retries, and
// any other lookup of an outside host fails fast too. Loopback stays reachable.
'use strict';
const Module = require('node:module');
const dns = require('node:dns');

const offline = () => Promise.reject(Object.assign(new Error('network disabled for static checks'), { code: 'ENOTFOUND' }));
const got = Object.assign(offline, { get: offline, head: offline, post: offline, stream: offline, extend: () => got });
const load = Module._load;
Module._load = function loadOffline(request, parent, isMain) {
  return request === 'got' ? got : load.call(this, request, parent, isMain);
};

const lookup = dns.lookup;
dns.lookup = function lookupOffline(host, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (host === 'localhost' || host === '127.0.0.1' || host === '::1') return lookup.call(dns, host, options, callback);
  process.nextTick(() => cb(Object.assign(new Error(`network disabled for static checks: ${host}`), { code: 'ENOTFOUND' })));
  return undefined;
};
