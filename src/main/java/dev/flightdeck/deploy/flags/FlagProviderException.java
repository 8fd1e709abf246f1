package dev.flightdeck.deploy.flags;

/** A read the provider refused or did not answer; the message is safe to show (never a token). */
public class FlagProviderException extends Exception {

    public enum Kind { NOT_FOUND, REFUSED, DOWN }

    private final Kind kind;

    public FlagProviderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
