// An independent HTTP Signatures peer for SignatureInteropTest: joyent's http-signature, which Node
// ActivityPub servers use. Reads one JSON request on stdin and prints one JSON answer.
//   node peer.js verify  <- {method, path, headers, publicKeyPem}        -> {ok, error}
//   node peer.js sign    <- {method, path, headers, privateKeyPem, keyId} -> {headers}
'use strict';
const httpSignature = require('http-signature');

let input = '';
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  const command = process.argv[2];
  try {
    if (command === 'verify') {
      const headers = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
      const parsed = httpSignature.parseRequest(
        { method: request.method, url: request.path, httpVersion: '1.1', headers },
        { authorizationHeaderName: 'signature', headers: ['(request-target)', 'host', 'date'], strict: true });
      const ok = httpSignature.verifySignature(parsed, request.publicKeyPem);
      console.log(JSON.stringify({ ok, error: ok ? null : 'the signature does not verify' }));
    } else if (command === 'sign') {
      const headers = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
      const outgoing = {
        method: request.method,
        path: request.path,
        getHeader: name => headers[name.toLowerCase()],
        setHeader: (name, value) => { headers[name.toLowerCase()] = value; },
      };
      httpSignature.signRequest(outgoing, {
        key: request.privateKeyPem, keyId: request.keyId, authorizationHeaderName: 'Signature',
        headers: Object.keys(request.headers).map(h => h.toLowerCase()).includes('digest')
          ? ['(request-target)', 'host', 'date', 'digest'] : ['(request-target)', 'host', 'date'],
      });
      console.log(JSON.stringify({ headers }));
    } else {
      throw new Error('sign or verify');
    }
  } catch (e) {
    console.log(JSON.stringify({ ok: false, error: String(e && e.message || e) }));
  }
});
