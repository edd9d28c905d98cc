package dev.quiesce.facts.vmtools;

import java.util.Optional;
import java.util.function.Function;

/**
 * The value vmtoolsd takes for one tools.conf key, and how it came to be: written in the file, unset,
 * written but not readable as the key's type (vmtoolsd's {@code VMTools_ConfigGet*} then returns the
 * default, libvmtools/vmtoolsConfig.c), or no file at all. A file GLib refuses is the caller's to handle
 * ({@link ToolsConf#refusal()}): what vmtoolsd runs with then depends on when it last loaded the file.
 *
 * @param value  what vmtoolsd uses
 * @param source why
 * @param entry  the winning line, when the key is written
 */
public record Setting<T>(T value, Source source, Optional<ToolsConf.Entry> entry) {
    /** How the value in effect came about. */
    public enum Source { SET, UNSET, UNREADABLE, NO_FILE }

    /** A boolean key of {@code conf} (empty: no tools.conf), {@code whenUnset} where vmtoolsd takes its default. */
    public static Setting<Boolean> bool(Optional<ToolsConf> conf, String group, String key, boolean whenUnset) {
        return of(conf, group, key, whenUnset, ToolsConf::asBoolean);
    }

    /** An integer key of {@code conf} (empty: no tools.conf), {@code whenUnset} where vmtoolsd takes its default. */
    public static Setting<Integer> integer(Optional<ToolsConf> conf, String group, String key, int whenUnset) {
        return of(conf, group, key, whenUnset, ToolsConf::asInteger);
    }

    /** A string key of {@code conf} (empty: no tools.conf), {@code whenUnset} where vmtoolsd takes its default. */
    public static Setting<String> string(Optional<ToolsConf> conf, String group, String key, String whenUnset) {
        return of(conf, group, key, whenUnset, ToolsConf::asString);
    }

    private static <T> Setting<T> of(Optional<ToolsConf> conf, String group, String key, T whenUnset,
                                     Function<String, Optional<T>> read) {
        if (conf.isEmpty()) {
            return new Setting<>(whenUnset, Source.NO_FILE, Optional.empty());
        }
        Optional<ToolsConf.Entry> entry = conf.get().entry(group, key);
        if (entry.isEmpty()) {
            return new Setting<>(whenUnset, Source.UNSET, entry);
        }
        return read.apply(entry.get().value()).map(v -> new Setting<>(v, Source.SET, entry))
                .orElseGet(() -> new Setting<>(whenUnset, Source.UNREADABLE, entry));
    }
}
