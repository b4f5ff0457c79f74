/**
 * HTTP Signatures as ActivityPub servers use them (draft-cavage-http-signatures-12, with
 * {@code rsa-sha256} and {@code hs2019}), and the {@code Digest} header of a request body: signing
 * outgoing requests, and verifying incoming ones over exactly the headers their signer listed.
 */
package org.atelier.server.federation.signatures;
