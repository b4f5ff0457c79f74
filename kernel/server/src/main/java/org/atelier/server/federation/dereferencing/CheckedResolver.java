package org.atelier.server.federation.dereferencing;

import io.helidon.webclient.api.DnsAddressLookup;
import io.helidon.webclient.spi.DnsResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import org.atelier.server.federation.dereferencing.OutboundException.Reason;

/**
 * The web client's DNS resolver, called for every new connection: it resolves the host and
 * hands back an address only if every address of the host passes {@link AddressClassifier} or
 * the {@link AddressAllowList}. The socket connects to the address returned here, so a name
 * that resolves to a public address when checked and to 127.0.0.1 when connecting (DNS
 * rebinding) cannot get through: there is one resolution, and it is the checked one.
 * Thread-safe.
 */
final class CheckedResolver implements DnsResolver {
    private final AddressAllowList allowList;

    /**
     * Creates the resolver.
     *
     * @param allowList special addresses and hosts the admin allows
     */
    CheckedResolver(AddressAllowList allowList) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
    }

    /**
     * Resolves and checks a host.
     *
     * @param hostname         the host of the URL (IPv6 literals may come in brackets)
     * @param dnsAddressLookup which family the client prefers
     * @return the address to connect to, carrying the host name, so that TLS sends it (SNI) and
     *         checks the certificate against it rather than against the address
     * @throws OutboundException {@link Reason#REFUSED_ADDRESS} when any address of the host is
     *                           refused, {@link Reason#IO} when the name does not resolve
     */
    @Override
    public InetAddress resolveAddress(String hostname, DnsAddressLookup dnsAddressLookup) {
        String host = OutboundUrls.bareHost(hostname);
        InetAddress[] addresses = IpLiterals.parse(host).map(address -> new InetAddress[] {address})
                .orElseGet(() -> lookUp(host));
        // a host with one special address among public ones is refused whole: a name pointing
        // inside the network is not one to trust with any of its addresses
        for (InetAddress address : addresses) {
            if (!allowList.permits(host, address)) {
                AddressClassifier.refusal(address).ifPresent(why -> {
                    throw new OutboundException(Reason.REFUSED_ADDRESS, host + " resolves to "
                            + address.getHostAddress() + ", which is " + why
                            + "; refused unless federation.allow-private names it");
                });
            }
        }
        InetAddress[] ordered = dnsAddressLookup.filter(addresses);
        if (ordered.length == 0) {
            throw new OutboundException(Reason.IO, host + " has no address of the family this server uses ("
                    + dnsAddressLookup + ")");
        }
        try {
            return InetAddress.getByAddress(host, ordered[0].getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + ordered[0].getAddress().length + " bytes", e);
        }
    }

    private static InetAddress[] lookUp(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new OutboundException(Reason.IO, "cannot resolve " + host, e);
        }
    }
}
