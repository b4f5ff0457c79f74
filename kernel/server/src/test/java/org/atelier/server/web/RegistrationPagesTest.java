package org.atelier.server.web;

import static org.atelier.server.api.AuthTestSupport.OWNER;
import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.accountsNamed;
import static org.atelier.server.api.AuthTestSupport.count;
import static org.atelier.server.api.AuthTestSupport.signedIn;
import static org.atelier.server.api.AuthTestSupport.unique;
import static org.atelier.server.api.AuthTestSupport.value;
import static org.atelier.server.api.AuthTestSupport.whoAmI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.api.AuthTestSupport;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTML forms of registration and sign-in in each registration mode, and the admin's
 * accounts page that approves registrations, sets the mode and makes invites — over real HTTP
 * on H2 and MariaDB. A refused form comes back with the message and what was typed, never the
 * password, and stores nothing.
 */
class RegistrationPagesTest {
    private static final AuthTestSupport.PerKind INSTANCES = AuthTestSupport.PerKind.withOwner();
    private static final Pattern INVITE = Pattern.compile("<code id=\"invite-code\">([^<]+)</code>");

    @AfterAll
    static void stop() {
        INSTANCES.close();
    }

    private static Map<String, String> registration(String username, String password, String invite) {
        Map<String, String> form = TestInstance.form("username", username, "email", username + "@example.org",
                "displayName", "Dee " + username, "password", password);
        if (invite != null) {
            form.put("invite", invite);
        }
        return form;
    }

    private static HttpResponse<String> signIn(BrowserClient client, String username, String password) {
        return client.postForm("/login", TestInstance.form("username", username, "password", password));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void openRegistrationByFormCanSignInAtOnce(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        HttpResponse<String> page = client.get("/register");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("action=\"/register\"") && !page.body().contains("name=\"invite\""));

        String name = unique("fopen");
        HttpResponse<String> registered = client.postForm("/register", registration(name, PASSWORD, null));
        assertEquals(201, registered.statusCode(), registered.body());
        assertTrue(registered.body().contains("Your account is ready"), registered.body());
        assertEquals("ACTIVE|Dee " + name, value(instance,
                "SELECT CONCAT(status, '|', display_name) FROM accounts WHERE username = ?", name));

        HttpResponse<String> in = signIn(client, name, PASSWORD);
        assertEquals(303, in.statusCode(), in.body());
        assertEquals(name, whoAmI(client).orElseThrow());
        assertTrue(client.get("/").body().contains("@" + name));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void approvalRegistrationByFormWaitsForTheAdminsApprovalForm(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.APPROVAL);
        BrowserClient client = instance.client();
        assertTrue(client.get("/register").body().contains("reviewed by an admin"));

        String name = unique("fwait");
        HttpResponse<String> registered = client.postForm("/register", registration(name, PASSWORD, null));
        assertEquals(201, registered.statusCode(), registered.body());
        assertTrue(registered.body().contains("An admin will review your registration."), registered.body());

        HttpResponse<String> waiting = signIn(client, name, PASSWORD);
        assertEquals(403, waiting.statusCode());
        assertTrue(waiting.body().contains("Your registration is waiting for an admin"), waiting.body());
        assertTrue(waiting.body().contains("value=\"" + name + "\""));
        assertFalse(waiting.body().contains(PASSWORD));
        assertTrue(whoAmI(client).isEmpty());

        BrowserClient admin = signedIn(instance, OWNER);
        HttpResponse<String> accounts = admin.get("/admin/accounts");
        assertEquals(200, accounts.statusCode());
        assertTrue(accounts.body().contains("data-username=\"" + name + "\""), accounts.body());
        assertTrue(accounts.body().contains("action=\"/admin/accounts/" + name + "/approve\""));

        HttpResponse<String> approved = admin.postForm("/admin/accounts/" + name + "/approve", Map.of());
        assertEquals(303, approved.statusCode(), approved.body());
        String location = approved.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith("/admin/accounts?message="), location);
        assertEquals("Approved @" + name + ".", URLDecoder.decode(location.substring(location.indexOf('=') + 1),
                StandardCharsets.UTF_8));
        HttpResponse<String> after = admin.get(location);
        assertTrue(after.body().contains("Approved @" + name + "."));
        assertFalse(after.body().contains("data-username=\"" + name + "\""), "no longer pending");
        assertEquals("ACTIVE", value(instance, "SELECT status FROM accounts WHERE username = ?", name));

        HttpResponse<String> reflected = admin.get("/admin/accounts?message=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertTrue(reflected.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                && !reflected.body().contains("<script>alert(1)"), "the message is escaped");

        HttpResponse<String> again = admin.postForm("/admin/accounts/" + name + "/approve", Map.of());
        assertEquals(409, again.statusCode());
        assertEquals(404, admin.postForm("/admin/accounts/no_such_person/approve", Map.of()).statusCode());

        assertEquals(303, signIn(client, name, PASSWORD).statusCode());
        assertEquals(name, whoAmI(client).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inviteRegistrationByFormWithCodesFromTheAdminPage(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        BrowserClient admin = signedIn(instance, OWNER);
        HttpResponse<String> set = admin.postForm("/admin/registration", TestInstance.form("mode", "invite"));
        assertEquals(303, set.statusCode(), set.body());
        assertEquals(RegistrationMode.INVITE, instance.atelier().accounts().registrationMode());
        assertTrue(admin.get("/admin/accounts").body().contains("<strong class=\"current-mode\">invite</strong>"));
        assertEquals(400, admin.postForm("/admin/registration", TestInstance.form("mode", "everyone")).statusCode());
        assertEquals(RegistrationMode.INVITE, instance.atelier().accounts().registrationMode());

        BrowserClient client = instance.client();
        assertTrue(client.get("/register").body().contains("name=\"invite\""));
        String name = unique("finv");
        long before = count(instance, "SELECT COUNT(*) FROM accounts");
        HttpResponse<String> none = client.postForm("/register", registration(name, PASSWORD, null));
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("Registration on this instance needs an invite code."));
        HttpResponse<String> wrong = client.postForm("/register", registration(name, PASSWORD, "made-up-code"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("That invite code is not valid, used up, or expired."));
        assertTrue(wrong.body().contains("value=\"made-up-code\""), "the code typed is kept");
        assertEquals(before, count(instance, "SELECT COUNT(*) FROM accounts"));

        // invites from the admin page: bad numbers refused, nothing stored
        long invites = count(instance, "SELECT COUNT(*) FROM invites");
        for (Map<String, String> bad : List.of(TestInstance.form("maxUses", "0", "days", "7"),
                TestInstance.form("maxUses", "lots", "days", "7"), TestInstance.form("maxUses", "1", "days", "0"),
                TestInstance.form("maxUses", "1", "days", "-5"), TestInstance.form("maxUses", "1", "days", "99999999"))) {
            HttpResponse<String> refused = admin.postForm("/admin/invites", bad);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
        }
        assertEquals(invites, count(instance, "SELECT COUNT(*) FROM invites"));

        HttpResponse<String> created = admin.postForm("/admin/invites", TestInstance.form("maxUses", "1", "days", "7",
                "note", "for a friend"));
        assertEquals(200, created.statusCode(), created.body());
        Matcher m = INVITE.matcher(created.body());
        assertTrue(m.find(), created.body());
        String code = m.group(1);

        HttpResponse<String> registered = client.postForm("/register", registration(name, PASSWORD, code));
        assertEquals(201, registered.statusCode(), registered.body());
        assertTrue(registered.body().contains("Your account is ready"));
        String second = unique("finv");
        HttpResponse<String> usedUp = client.postForm("/register", registration(second, PASSWORD, code));
        assertEquals(400, usedUp.statusCode());
        assertTrue(usedUp.body().contains("That invite code is not valid, used up, or expired."));
        assertEquals(0, accountsNamed(instance, second));
        assertEquals(303, signIn(instance.client(), name, PASSWORD).statusCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusedFormsKeepWhatWasTypedExceptThePassword(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        String secret = "Very-Secret-Password-" + unique("s");
        long before = count(instance, "SELECT COUNT(*) FROM accounts");

        HttpResponse<String> bad = client.postForm("/register", TestInstance.form("username", "Bad Name",
                "email", "bad@example.org", "displayName", "Dee <i>x</i>", "password", secret));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Usernames use only lower-case letters a–z, digits and underscores."), bad.body());
        assertTrue(bad.body().contains("value=\"Bad Name\""));
        assertTrue(bad.body().contains("value=\"bad@example.org\""));
        assertTrue(bad.body().contains("value=\"Dee &lt;i&gt;x&lt;/i&gt;\""), "kept and escaped");
        assertFalse(bad.body().contains(secret), "the password is never sent back");

        for (String username : List.of("ADMIN", "admin", "\u0430dmin_x", "x", "setup")) {
            HttpResponse<String> refused = client.postForm("/register", TestInstance.form("username", username,
                    "email", unique("e") + "@example.org", "password", secret));
            assertEquals(400, refused.statusCode(), username);
            assertTrue(refused.body().contains("class=\"error-message\""), refused.body());
            assertFalse(refused.body().contains(secret));
        }
        HttpResponse<String> shortPassword = client.postForm("/register", registration(unique("short"), "123", null));
        assertEquals(400, shortPassword.statusCode());
        assertTrue(shortPassword.body().contains("Passwords are 10 to 256 characters long."));
        assertEquals(before, count(instance, "SELECT COUNT(*) FROM accounts"), "nothing stored");

        // duplicates
        String name = unique("fdup");
        assertEquals(201, client.postForm("/register", registration(name, PASSWORD, null)).statusCode());
        HttpResponse<String> dup = client.postForm("/register", TestInstance.form("username", name,
                "email", "x" + name + "@example.org", "password", secret));
        assertEquals(409, dup.statusCode());
        assertTrue(dup.body().contains("That username is taken."));
        assertTrue(dup.body().contains("value=\"" + name + "\"") && !dup.body().contains(secret));
        assertEquals(1, accountsNamed(instance, name));

        // a wrong sign-in
        HttpResponse<String> wrong = signIn(client, name, secret);
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong username or password."));
        assertTrue(wrong.body().contains("value=\"" + name + "\""));
        assertFalse(wrong.body().contains(secret));
        assertTrue(AuthTestSupport.setCookie(wrong, "atelier_session").isEmpty());
    }
}
