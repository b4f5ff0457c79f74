package org.atelier.server.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Argon2id password hasher: the PHC format with OWASP's parameters, a fresh salt per hash,
 * right and wrong passwords, and stored strings that were tampered with or are not hashes at all
 * (which must verify as false — never throw, never run for minutes).
 */
class PasswordHasherTest {
    private static final PasswordHasher HASHER = PasswordHasher.standard();
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    private static final String PASSWORD = "correct horse battery";

    @Test
    void hashesInThePhcFormatWithOwaspParameters() {
        String hash = HASHER.hash(PASSWORD);
        assertTrue(PHC.matcher(hash).matches(), hash);
        assertFalse(hash.contains(PASSWORD));
        assertNotEquals(hash, HASHER.hash(PASSWORD), "each hash has its own salt");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = HASHER.hash(PASSWORD);
        assertTrue(HASHER.verify(PASSWORD, hash));
        assertFalse(HASHER.verify("correct horse batterY", hash));
        assertFalse(HASHER.verify("correct horse battery ", hash));
        assertFalse(HASHER.verify("", hash));
        String unicode = HASHER.hash("pässwörd-ŝekreto-🎨");
        assertTrue(HASHER.verify("pässwörd-ŝekreto-🎨", unicode));
        assertFalse(HASHER.verify("passwort-sekreto-🎨", unicode));
    }

    @Test
    void aTamperedHashDoesNotVerify() {
        String hash = HASHER.hash(PASSWORD);
        int hashStart = hash.lastIndexOf('$') + 1;
        int saltStart = hash.lastIndexOf('$', hashStart - 2) + 1;
        assertFalse(HASHER.verify(PASSWORD, flip(hash, hashStart + 5)), "changed hash");
        assertFalse(HASHER.verify(PASSWORD, flip(hash, saltStart + 3)), "changed salt");
        assertFalse(HASHER.verify(PASSWORD, hash.replace("t=2", "t=3")), "changed cost");
        assertFalse(HASHER.verify(PASSWORD, hash.replace("m=19456", "m=19455")), "changed memory");
        assertFalse(HASHER.verify(PASSWORD, hash.substring(0, hash.length() - 4)), "truncated hash");
        assertFalse(HASHER.verify(PASSWORD, hash.replace("$argon2id$", "$argon2i$")), "other variant");
        assertFalse(HASHER.verify(PASSWORD, hash + "A"), "appended");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "correct horse battery",
        "$argon2id$",
        "$argon2id$v=19$m=19456,t=2,p=1$",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$",
        "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        "$argon2id$v=19$m=19456,t=2,p=1$!!!!!!!!$@@@@@@@@",
        // not decodable base64 (a length of 4n+1)
        "$argon2id$v=19$m=19456,t=2,p=1$A$A",
        "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // parameters Argon2 refuses
        "$argon2id$v=19$m=0,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=19456,t=2,p=0$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // a salt too short for Argon2
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        // costs no legitimate hash has: gigabytes of memory, dozens of passes, an empty output
        "$argon2id$v=19$m=9999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=19456,t=99,p=99$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    })
    void aMalformedStoredStringIsFalseNotAnError(String stored) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertFalse(HASHER.verify(PASSWORD, stored), stored));
    }

    @Test
    void nullStoredValueIsFalse() {
        assertFalse(HASHER.verify(PASSWORD, null));
    }

    @Test
    void theDecoyMatchesNoOrdinaryPassword() {
        String decoy = HASHER.decoy();
        assertTrue(PHC.matcher(decoy).matches(), decoy);
        assertFalse(HASHER.verify("", decoy));
        assertFalse(HASHER.verify(PASSWORD, decoy));
    }

    private static String flip(String text, int index) {
        char c = text.charAt(index);
        return text.substring(0, index) + (c == 'A' ? 'B' : 'A') + text.substring(index + 1);
    }
}
