package dev.quiesce.facts.script;

/** Something in a script that could not be read, or that the shell will read otherwise than it looks: where and why. */
public record Problem(int line, String why) {
    @Override
    public String toString() {
        return "line " + line + ": " + why;
    }
}
