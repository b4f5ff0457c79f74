package org.atelier.server.federation.signatures;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the parameters of a {@code Signature} header: {@code name="value"} pairs (or bare tokens,
 * as {@code created=1618884473}) separated by commas, with optional spaces. A backslash escapes the
 * next character inside quotes. Malformed input — an unterminated quote, a missing {@code =}, a
 * name given twice — is refused rather than guessed at.
 */
final class SignatureHeader {
    private SignatureHeader() {
    }

    static Map<String, String> parse(String header) throws SignatureException {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && Character.isLetterOrDigit(header.charAt(i))) {
                i++;
            }
            String name = header.substring(nameStart, i);
            if (name.isEmpty() || i >= n || header.charAt(i) != '=') {
                throw new SignatureException("The Signature header is malformed near position " + nameStart + ".");
            }
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(header.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new SignatureException("The Signature header has an unterminated quote.");
                }
            } else {
                while (i < n && header.charAt(i) != ',' && header.charAt(i) != ' ') {
                    value.append(header.charAt(i++));
                }
            }
            if (params.put(name, value.toString()) != null) {
                throw new SignatureException("The Signature header gives " + name + " twice.");
            }
        }
        return params;
    }
}
