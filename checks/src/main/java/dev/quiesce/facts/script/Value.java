package dev.quiesce.facts.script;

/** A shell value as far as a run knows it: its text, or unknown with why ({@code $(hostname)}, an unset {@code $HOME}). */
public record Value(String text, String unknownWhy) {
    public static Value of(String text) {
        return new Value(text, null);
    }

    public static Value unknown(String why) {
        return new Value(null, why);
    }

    public boolean known() {
        return unknownWhy == null;
    }

    /** The text, or {@code ?} where it is not known: how a command is shown after expansion. */
    public String shown() {
        return known() ? text : "?";
    }

    @Override
    public String toString() {
        return known() ? text : "?(" + unknownWhy + ")";
    }
}
