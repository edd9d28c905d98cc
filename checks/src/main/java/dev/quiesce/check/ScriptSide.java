package dev.quiesce.check;

import dev.quiesce.facts.script.CallKind;

/** The side of a quiesce a script handles: the freeze ({@code freeze} as first argument) or the thaw ({@code thaw}). */
public enum ScriptSide {
    FREEZE("freeze", CallKind.FREEZE, "Backup.General.ExternalFreeze", "--pre"),
    THAW("thaw", CallKind.THAW, "Backup.General.ExternalThaw", "--post");

    private final String argument;
    private final CallKind call;
    private final String method;
    private final String simulateOption;

    ScriptSide(String argument, CallKind call, String method, String simulateOption) {
        this.argument = argument;
        this.call = call;
        this.method = method;
        this.simulateOption = simulateOption;
    }

    /** What vmtoolsd passes as {@code $1}. */
    public String argument() {
        return argument;
    }

    /** The session call this side makes. */
    public CallKind call() {
        return call;
    }

    public String method() {
        return method;
    }

    String simulateOption() {
        return simulateOption;
    }
}
