package dev.flightdeck.deploy;

/** What {@link BuildBackend#trigger} did. */
public sealed interface BuildTrigger {

    /** The backend accepted the build. {@code label} e.g. "commons-prod-server #196"; {@code url} may be null. */
    record Started(String label, String url) implements BuildTrigger {
    }

    /** Nothing was started; {@code reason} is shown in the deploy's thread, so it must never contain a secret. */
    record Failed(String reason) implements BuildTrigger {
    }
}
