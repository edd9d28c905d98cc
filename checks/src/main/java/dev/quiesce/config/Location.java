package dev.quiesce.config;

/** A place in a configuration file, 1-based, as people and editors count. */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
