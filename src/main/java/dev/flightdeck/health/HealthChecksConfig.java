package dev.flightdeck.health;

/**
 * flightdeck.health: what the deep health checks may reach beyond the public internet and private ranges.
 *
 * @param allowSharedAddressSpace health URLs may resolve to 100.64.0.0/10 (carrier-grade NAT, overlay networks such as
 *                                Tailscale); off by default because Alibaba Cloud's metadata service lives there
 *                                (100.100.100.200 stays refused either way)
 */
public record HealthChecksConfig(boolean allowSharedAddressSpace) {

    public static final HealthChecksConfig DEFAULTS = new HealthChecksConfig(false);
}
