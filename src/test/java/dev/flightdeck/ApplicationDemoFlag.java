package dev.flightdeck;

/** Test access to {@link Application#withoutDemoFlag} (package-private there). */
public final class ApplicationDemoFlag {
    private ApplicationDemoFlag() {
    }

    public static String[] strip(String[] args) {
        return Application.withoutDemoFlag(args);
    }
}
